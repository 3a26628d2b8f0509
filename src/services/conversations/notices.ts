import { fill } from '../../lib/format.js';
import type { Availability, ReplyWindow } from '../availability/types.js';
import { languageOrEnglish, LOCALES, locale } from '../../locales/index.js';
import type { WidgetLanguage } from '../widget/types.js';

/**
 * What Baton itself promises at a handoff, in the visitor's language. The promise is only what
 * is true now: someone online (and how long they usually take), nobody online within support
 * hours, or closed until the next opening, in the visitor's own time zone.
 */

/** A language Baton has, else English (see src/locales). */
export const noticeLanguage = languageOrEnglish;

function plural(lang: WidgetLanguage, forms: [string, string], n: number): string {
  return fill(new Intl.PluralRules(lang).select(n) === 'one' ? forms[0] : forms[1], { n });
}

/** "1 business day", "4 hours", in the visitor's language. */
export function replyWindowText(window: ReplyWindow, language: string | null | undefined): string {
  const lang = noticeLanguage(language);
  const s = LOCALES[lang].notices;
  return plural(lang, window.unit === 'hours' ? s.hours : s.businessDays, window.amount);
}

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
    return fill(days === 0 ? LOCALES[lang].notices.today : LOCALES[lang].notices.tomorrow, { time });
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
  return fill(locale(language).notices.joined, { name });
}

/** Asked when the visitor wants the team before saying what about. */
export function askFirstNotice(language: string | null | undefined): string {
  return locale(language).notices.askFirst;
}

/** The handoff notice: what happens next, honestly. */
export function promiseNotice(availability: Availability, ctx: PromiseContext): string {
  const lang = noticeLanguage(ctx.language);
  const s = LOCALES[lang].notices;
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
