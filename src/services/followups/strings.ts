import { noticeLanguage } from '../conversations/notices.js';

/** What the emails to visitors say, per language ({org}, {name}, {x}, {days} filled in). */
export interface EmailStrings {
  ackSubject: string;
  ackIntro: string;
  ackPromise: string;
  replySubject: string;
  replyIntro: string;
  open: string;
  orReply: string;
  /** Replies by email are off: how to answer instead. */
  noReply: string;
  linkExpires: string;
  why: string;
  yourQuestion: string;
  confirmSubject: string;
  confirmIntro: string;
  confirm: string;
  confirmNotYou: string;
}

const STRINGS = {
  en: {
    ackSubject: 'We got your question ({org})',
    ackIntro: 'Thanks for writing to {org}. We got your question:',
    ackPromise: 'Nobody from the team could answer straight away. A teammate will reply by email within {x}.',
    replySubject: 'Reply from {name} ({org})',
    replyIntro: '{name} from {org} replied to your question:',
    open: 'Open the conversation',
    orReply: 'You can also reply to this email.',
    noReply: "Replies to this email are not read: write to us through the link above.",
    linkExpires: 'The link works for {days} days.',
    why: 'You get this email because you asked {org} for help in the chat and left this address.',
    yourQuestion: 'Your question',
    confirmSubject: "Confirm your email address for {org}",
    confirmIntro: "Someone, probably you, asked {org} in the chat on its website to send replies to this address. Confirm it to receive the team's replies here:",
    confirm: "Confirm my address",
    confirmNotYou: "If that was not you, ignore this email: nothing more will be sent to this address.",
  },
  da: {
    ackSubject: 'Vi har modtaget dit spørgsmål ({org})',
    ackIntro: 'Tak fordi du skrev til {org}. Vi har modtaget dit spørgsmål:',
    ackPromise: 'Ingen fra teamet kunne svare med det samme. En kollega svarer dig på e-mail inden for {x}.',
    replySubject: 'Svar fra {name} ({org})',
    replyIntro: '{name} fra {org} har svaret på dit spørgsmål:',
    open: 'Åbn samtalen',
    orReply: 'Du kan også svare på denne e-mail.',
    noReply: "Svar på denne e-mail bliver ikke læst: skriv til os via linket ovenfor.",
    linkExpires: 'Linket virker i {days} dage.',
    why: 'Du får denne e-mail, fordi du bad {org} om hjælp i chatten og skrev denne adresse.',
    yourQuestion: 'Dit spørgsmål',
    confirmSubject: "Bekræft din e-mailadresse hos {org}",
    confirmIntro: "Nogen, sandsynligvis dig, bad {org} i chatten på hjemmesiden om at sende svar til denne adresse. Bekræft den for at få teamets svar her:",
    confirm: "Bekræft min adresse",
    confirmNotYou: "Hvis det ikke var dig, så se bort fra denne e-mail: der bliver ikke sendt mere til denne adresse.",
  },
  de: {
    ackSubject: 'Wir haben Ihre Frage erhalten ({org})',
    ackIntro: 'Danke für Ihre Nachricht an {org}. Wir haben Ihre Frage erhalten:',
    ackPromise: 'Niemand aus dem Team konnte sofort antworten. Jemand aus dem Team antwortet Ihnen per E-Mail innerhalb von {x}.',
    replySubject: 'Antwort von {name} ({org})',
    replyIntro: '{name} von {org} hat auf Ihre Frage geantwortet:',
    open: 'Unterhaltung öffnen',
    orReply: 'Sie können auch auf diese E-Mail antworten.',
    noReply: "Antworten auf diese E-Mail werden nicht gelesen: Schreiben Sie uns über den Link oben.",
    linkExpires: 'Der Link ist {days} Tage gültig.',
    why: 'Sie erhalten diese E-Mail, weil Sie {org} im Chat um Hilfe gebeten und diese Adresse angegeben haben.',
    yourQuestion: 'Ihre Frage',
    confirmSubject: "Bestätigen Sie Ihre E-Mail-Adresse für {org}",
    confirmIntro: "Jemand, vermutlich Sie, hat {org} im Chat auf der Website gebeten, Antworten an diese Adresse zu senden. Bestätigen Sie sie, um die Antworten des Teams hier zu erhalten:",
    confirm: "Meine Adresse bestätigen",
    confirmNotYou: "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: An diese Adresse wird nichts weiter gesendet.",
  },
  fr: {
    ackSubject: 'Nous avons bien reçu votre question ({org})',
    ackIntro: "Merci d'avoir écrit à {org}. Nous avons bien reçu votre question :",
    ackPromise: "Personne de l'équipe n'a pu répondre tout de suite. Un membre de l'équipe vous répondra par e-mail sous {x}.",
    replySubject: 'Réponse de {name} ({org})',
    replyIntro: '{name} de {org} a répondu à votre question :',
    open: 'Ouvrir la conversation',
    orReply: 'Vous pouvez aussi répondre à cet e-mail.',
    noReply: "Les réponses à cet e-mail ne sont pas lues : écrivez-nous via le lien ci-dessus.",
    linkExpires: 'Le lien est valable {days} jours.',
    why: "Vous recevez cet e-mail parce que vous avez demandé de l'aide à {org} dans le chat et laissé cette adresse.",
    yourQuestion: 'Votre question',
    confirmSubject: "Confirmez votre adresse e-mail pour {org}",
    confirmIntro: "Quelqu'un, sans doute vous, a demandé à {org} dans le chat de son site d'envoyer les réponses à cette adresse. Confirmez-la pour recevoir ici les réponses de l'équipe :",
    confirm: "Confirmer mon adresse",
    confirmNotYou: "Si ce n'était pas vous, ignorez cet e-mail : rien d'autre ne sera envoyé à cette adresse.",
  },
  es: {
    ackSubject: 'Hemos recibido su pregunta ({org})',
    ackIntro: 'Gracias por escribir a {org}. Hemos recibido su pregunta:',
    ackPromise: 'Nadie del equipo pudo responder en ese momento. Alguien del equipo le responderá por correo electrónico en {x}.',
    replySubject: 'Respuesta de {name} ({org})',
    replyIntro: '{name} de {org} ha respondido a su pregunta:',
    open: 'Abrir la conversación',
    orReply: 'También puede responder a este correo.',
    noReply: "Las respuestas a este correo no se leen: escríbanos a través del enlace de arriba.",
    linkExpires: 'El enlace es válido durante {days} días.',
    why: 'Recibe este correo porque pidió ayuda a {org} en el chat y dejó esta dirección.',
    yourQuestion: 'Su pregunta',
    confirmSubject: "Confirme su dirección de correo para {org}",
    confirmIntro: "Alguien, probablemente usted, pidió a {org} en el chat de su sitio web que enviara las respuestas a esta dirección. Confírmela para recibir aquí las respuestas del equipo:",
    confirm: "Confirmar mi dirección",
    confirmNotYou: "Si no fue usted, ignore este correo: no se enviará nada más a esta dirección.",
  },
} satisfies Record<string, EmailStrings>;

export function emailStrings(language: string | null | undefined): { lang: string; t: EmailStrings } {
  const lang = noticeLanguage(language);
  return { lang, t: STRINGS[lang] };
}

