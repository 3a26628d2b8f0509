import { isWidgetLanguage, type WidgetLanguage } from '../../services/widget/types.js';

/** Everything the chat frame says, per language. */
export const WIDGET_STRINGS = {
  en: {
    title: 'Chat with us',
    close: 'Close chat',
    greeting: 'Hi! Ask me anything about {org}. I answer from our documentation, and I can bring in the team.',
    assistant: 'AI assistant',
    excerpts: 'excerpts from our documentation',
    you: 'You',
    team: 'Team',
    notice: 'Notice',
    label: 'Your message',
    placeholder: 'Write a message…',
    send: 'Send',
    talk: 'Talk to the team',
    talkRequested: 'The team has been asked',
    sources: 'Sources',
    page: 'page',
    writing: 'Writing…',
    failed: 'Your message could not be sent. Please try again.',
    poweredBy: 'AI answers can be wrong: check the sources.',
  },
  da: {
    title: 'Skriv til os',
    close: 'Luk chat',
    greeting: 'Hej! Spørg mig om alt om {org}. Jeg svarer ud fra vores dokumentation og kan hente teamet ind.',
    assistant: 'AI-assistent',
    excerpts: 'uddrag fra vores dokumentation',
    you: 'Dig',
    team: 'Team',
    notice: 'Besked',
    label: 'Din besked',
    placeholder: 'Skriv en besked…',
    send: 'Send',
    talk: 'Tal med teamet',
    talkRequested: 'Teamet er spurgt',
    sources: 'Kilder',
    page: 'side',
    writing: 'Skriver…',
    failed: 'Din besked kunne ikke sendes. Prøv igen.',
    poweredBy: 'AI-svar kan være forkerte: tjek kilderne.',
  },
  de: {
    title: 'Schreiben Sie uns',
    close: 'Chat schließen',
    greeting: 'Hallo! Fragen Sie mich alles zu {org}. Ich antworte aus unserer Dokumentation und kann das Team hinzuholen.',
    assistant: 'KI-Assistent',
    excerpts: 'Auszüge aus unserer Dokumentation',
    you: 'Sie',
    team: 'Team',
    notice: 'Hinweis',
    label: 'Ihre Nachricht',
    placeholder: 'Nachricht schreiben…',
    send: 'Senden',
    talk: 'Mit dem Team sprechen',
    talkRequested: 'Das Team ist informiert',
    sources: 'Quellen',
    page: 'Seite',
    writing: 'Schreibt…',
    failed: 'Ihre Nachricht konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
    poweredBy: 'KI-Antworten können falsch sein: prüfen Sie die Quellen.',
  },
  fr: {
    title: 'Écrivez-nous',
    close: 'Fermer la conversation',
    greeting: "Bonjour ! Posez-moi vos questions sur {org}. Je réponds à partir de notre documentation et je peux faire appel à l'équipe.",
    assistant: 'Assistant IA',
    excerpts: 'extraits de notre documentation',
    you: 'Vous',
    team: 'Équipe',
    notice: 'Information',
    label: 'Votre message',
    placeholder: 'Écrivez un message…',
    send: 'Envoyer',
    talk: "Parler à l'équipe",
    talkRequested: "L'équipe est prévenue",
    sources: 'Sources',
    page: 'page',
    writing: 'Rédaction…',
    failed: "Votre message n'a pas pu être envoyé. Veuillez réessayer.",
    poweredBy: 'Les réponses de l’IA peuvent être erronées : vérifiez les sources.',
  },
  es: {
    title: 'Escríbanos',
    close: 'Cerrar chat',
    greeting: '¡Hola! Pregúnteme lo que quiera sobre {org}. Respondo a partir de nuestra documentación y puedo avisar al equipo.',
    assistant: 'Asistente de IA',
    excerpts: 'extractos de nuestra documentación',
    you: 'Usted',
    team: 'Equipo',
    notice: 'Aviso',
    label: 'Su mensaje',
    placeholder: 'Escriba un mensaje…',
    send: 'Enviar',
    talk: 'Hablar con el equipo',
    talkRequested: 'Se ha avisado al equipo',
    sources: 'Fuentes',
    page: 'página',
    writing: 'Escribiendo…',
    failed: 'No se pudo enviar su mensaje. Inténtelo de nuevo.',
    poweredBy: 'Las respuestas de la IA pueden ser incorrectas: compruebe las fuentes.',
  },
} satisfies Record<WidgetLanguage, Record<string, string>>;

export type WidgetStrings = (typeof WIDGET_STRINGS)['en'];

/**
 * The frame's language: the one the site set (data-language, or the admin's default), else the
 * first of the browser's languages we have, else English.
 */
export function pickLanguage(siteLanguage: string | undefined, acceptLanguages: string[]): WidgetLanguage {
  if (isWidgetLanguage(siteLanguage)) return siteLanguage;
  for (const tag of acceptLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isWidgetLanguage(base)) return base;
  }
  return 'en';
}
