import { fill } from '../../lib/format.js';
import type { Availability, ReplyWindow } from '../availability/types.js';
import { isWidgetLanguage, type WidgetLanguage } from '../widget/types.js';

/**
 * What Baton itself promises at a handoff, in the visitor's language. The promise is only what
 * is true now: someone online (and how long they usually take), nobody online within support
 * hours, or closed until the next opening, in the visitor's own time zone.
 */
interface NoticeStrings {
  available: string;
  offline: string;
  closed: string;
  closedNoOpening: string;
  leaveEmail: string;
  /** "Talk to the team" before any question: the team gets the question with the request. */
  askFirst: string;
  /** A teammate took the conversation: kept in the thread, so it is still there after a reload. */
  joined: string;
  emailKnown: string;
  /** Without a mail server: the reply comes in the chat only. */
  replyHere: string;
  hours: [one: string, other: string];
  businessDays: [one: string, other: string];
  minutes: [one: string, other: string];
}

const STRINGS: Record<WidgetLanguage, NoticeStrings> = {
  en: {
    available: "I've passed this on to the team. A teammate will join shortly (usually within {n}). You can keep writing meanwhile.",
    offline: "I've passed this on to the team. Nobody is online right now. {email}",
    closed: "I've passed this on to the team. We're closed right now and back {when}. {email}",
    closedNoOpening: "I've passed this on to the team. We're closed right now. {email}",
    leaveEmail: "Leave your email below and we'll reply within {x}.",
    askFirst: "What can we help with? Write your question and I'll pass it on to the team.",
    joined: "{name} joined the conversation.",
    emailKnown: "We'll reply to {address} within {x}.",
    replyHere: "We'll reply here within {x}: open this chat again to read it.",
    hours: ['{n} hour', '{n} hours'],
    businessDays: ['{n} business day', '{n} business days'],
    minutes: ['{n} minute', '{n} minutes'],
  },
  da: {
    available: 'Jeg har givet det videre til teamet. En kollega kommer med i samtalen om lidt (som regel inden for {n}). Du kan skrive videre imens.',
    offline: 'Jeg har givet det videre til teamet. Der er ingen online lige nu. {email}',
    closed: 'Jeg har givet det videre til teamet. Vi har lukket lige nu og er tilbage {when}. {email}',
    closedNoOpening: 'Jeg har givet det videre til teamet. Vi har lukket lige nu. {email}',
    leaveEmail: 'Skriv din e-mail herunder, så svarer vi inden for {x}.',
    askFirst: "Hvad kan vi hjælpe med? Skriv dit spørgsmål, så giver jeg det videre til teamet.",
    joined: "{name} er kommet med i samtalen.",
    emailKnown: 'Vi svarer til {address} inden for {x}.',
    replyHere: 'Vi svarer her inden for {x}: åbn chatten igen for at læse svaret.',
    hours: ['{n} time', '{n} timer'],
    businessDays: ['{n} hverdag', '{n} hverdage'],
    minutes: ['{n} minut', '{n} minutter'],
  },
  de: {
    available: 'Ich habe das an das Team weitergegeben. Gleich kommt jemand dazu (meist innerhalb von {n}). Sie können in der Zwischenzeit weiterschreiben.',
    offline: 'Ich habe das an das Team weitergegeben. Gerade ist niemand online. {email}',
    closed: 'Ich habe das an das Team weitergegeben. Wir sind gerade nicht erreichbar und ab {when} wieder da. {email}',
    closedNoOpening: 'Ich habe das an das Team weitergegeben. Wir sind gerade nicht erreichbar. {email}',
    leaveEmail: 'Hinterlassen Sie unten Ihre E-Mail-Adresse, dann antworten wir innerhalb von {x}.',
    askFirst: "Wobei können wir helfen? Schreiben Sie Ihre Frage, dann gebe ich sie an das Team weiter.",
    joined: "{name} ist dem Gespräch beigetreten.",
    emailKnown: 'Wir antworten an {address} innerhalb von {x}.',
    replyHere: 'Wir antworten hier innerhalb von {x}: Öffnen Sie diesen Chat wieder, um die Antwort zu lesen.',
    hours: ['{n} Stunde', '{n} Stunden'],
    businessDays: ['{n} Werktag', '{n} Werktagen'],
    minutes: ['{n} Minute', '{n} Minuten'],
  },
  fr: {
    available: "J'ai transmis votre demande à l'équipe. Quelqu'un va vous rejoindre (en général en moins de {n}). Vous pouvez continuer à écrire en attendant.",
    offline: "J'ai transmis votre demande à l'équipe. Personne n'est en ligne pour le moment. {email}",
    closed: "J'ai transmis votre demande à l'équipe. Nous sommes fermés pour le moment et de retour {when}. {email}",
    closedNoOpening: "J'ai transmis votre demande à l'équipe. Nous sommes fermés pour le moment. {email}",
    leaveEmail: 'Laissez votre adresse e-mail ci-dessous et nous vous répondrons sous {x}.',
    askFirst: "Comment pouvons-nous vous aider ? Écrivez votre question et je la transmets à l'équipe.",
    joined: "{name} a rejoint la conversation.",
    emailKnown: 'Nous répondrons à {address} sous {x}.',
    replyHere: 'Nous répondrons ici sous {x} : rouvrez ce chat pour lire la réponse.',
    hours: ['{n} heure', '{n} heures'],
    businessDays: ['{n} jour ouvré', '{n} jours ouvrés'],
    minutes: ['{n} minute', '{n} minutes'],
  },
  es: {
    available: 'He pasado su consulta al equipo. Alguien se unirá en breve (normalmente en menos de {n}). Mientras tanto, puede seguir escribiendo.',
    offline: 'He pasado su consulta al equipo. Ahora mismo no hay nadie en línea. {email}',
    closed: 'He pasado su consulta al equipo. Ahora mismo estamos cerrados y volvemos {when}. {email}',
    closedNoOpening: 'He pasado su consulta al equipo. Ahora mismo estamos cerrados. {email}',
    leaveEmail: 'Deje su correo electrónico abajo y le responderemos en {x}.',
    askFirst: "¿En qué podemos ayudarle? Escriba su pregunta y se la paso al equipo.",
    joined: "{name} se ha unido a la conversación.",
    emailKnown: 'Responderemos a {address} en {x}.',
    replyHere: 'Le responderemos aquí en {x}: vuelva a abrir este chat para leer la respuesta.',
    hours: ['{n} hora', '{n} horas'],
    businessDays: ['{n} día hábil', '{n} días hábiles'],
    minutes: ['{n} minuto', '{n} minutos'],
  },
};

export const noticeLanguage = (language: string | null | undefined): WidgetLanguage => (isWidgetLanguage(language) ? language : 'en');

function plural(lang: WidgetLanguage, forms: [string, string], n: number): string {
  return fill(new Intl.PluralRules(lang).select(n) === 'one' ? forms[0] : forms[1], { n });
}

/** "1 business day", "4 hours", in the visitor's language. */
export function replyWindowText(window: ReplyWindow, language: string | null | undefined): string {
  const lang = noticeLanguage(language);
  const s = STRINGS[lang];
  return plural(lang, window.unit === 'hours' ? s.hours : s.businessDays, window.amount);
}

/** "today at {time}" and "tomorrow at {time}", for an opening within the next two days. */
const SOON: Record<WidgetLanguage, { today: string; tomorrow: string }> = {
  en: { today: 'today at {time}', tomorrow: 'tomorrow at {time}' },
  da: { today: 'i dag kl. {time}', tomorrow: 'i morgen kl. {time}' },
  de: { today: 'heute um {time}', tomorrow: 'morgen um {time}' },
  fr: { today: "aujourd'hui à {time}", tomorrow: 'demain à {time}' },
  es: { today: 'hoy a las {time}', tomorrow: 'mañana a las {time}' },
};

/** The calendar day of `at` in `timeZone`, as days since 1970 (to tell today from tomorrow). */
function localDay(at: Date, timeZone: string): number {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at).split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/**
 * When the team is back, in the visitor's time zone: "today at 09:00 CET" and "tomorrow at
 * 09:00 CET" (on a Monday morning, "back Monday" reads as a week away), else "Monday 09:00 CET",
 * with the date when it is more than six days away (after a long closure).
 */
export function openingText(at: Date, now: Date, language: string | null | undefined, timeZone: string): string {
  const lang = noticeLanguage(language);
  const days = localDay(at, timeZone) - localDay(now, timeZone);
  if (days === 0 || days === 1) {
    const time = new Intl.DateTimeFormat(lang, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
    return fill(days === 0 ? SOON[lang].today : SOON[lang].tomorrow, { time });
  }
  const far = at.getTime() - now.getTime() > 6 * 86_400_000;
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    weekday: 'long',
    ...(far ? { day: 'numeric', month: 'long' } : {}),
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

export interface PromiseContext {
  language: string | null | undefined;
  /** The visitor's own time zone (from their browser), else the organisation's. */
  timeZone: string;
  /** The visitor's email, when they gave one: the promise says where the reply goes. */
  email: string | null;
  /** A mail server is set; without one the reply is promised in the chat, not by email. */
  emailReplies: boolean;
  now: Date;
}

/** "Ada joined the conversation.", in the conversation's language. */
export function joinedNotice(language: string | null | undefined, name: string): string {
  return fill(STRINGS[noticeLanguage(language)].joined, { name });
}

/** Asked when the visitor wants the team before saying what about. */
export function askFirstNotice(language: string | null | undefined): string {
  return STRINGS[noticeLanguage(language)].askFirst;
}

/** The handoff notice: what happens next, honestly. */
export function promiseNotice(availability: Availability, ctx: PromiseContext): string {
  const lang = noticeLanguage(ctx.language);
  const s = STRINGS[lang];
  const x = replyWindowText(availability.replyWithin, lang);
  const email = fill(!ctx.emailReplies ? s.replyHere : ctx.email ? s.emailKnown : s.leaveEmail, { address: ctx.email ?? '', x });
  switch (availability.state) {
    case 'available':
      return fill(s.available, { n: plural(lang, s.minutes, availability.typicalMinutes) });
    case 'offline':
      return fill(s.offline, { email });
    case 'closed':
      return availability.nextOpening
        ? fill(s.closed, { when: openingText(availability.nextOpening, ctx.now, lang, ctx.timeZone), email })
        : fill(s.closedNoOpening, { email });
  }
}
