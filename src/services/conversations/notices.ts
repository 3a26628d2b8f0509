import type { WidgetLanguage } from '../widget/types.js';

/**
 * What Baton itself says in a conversation, in the visitor's language. Until support hours and
 * presence exist (a later issue), the promise is only what is certainly true.
 */
const TEAM_REQUESTED: Record<WidgetLanguage, string> = {
  en: 'Thanks. A teammate will reply here in this chat. You can keep writing meanwhile.',
  da: 'Tak. En kollega fra teamet svarer dig her i chatten. Du kan skrive videre imens.',
  de: 'Danke. Jemand aus dem Team antwortet Ihnen hier im Chat. Sie können in der Zwischenzeit weiterschreiben.',
  fr: "Merci. Un membre de l'équipe vous répondra ici, dans cette conversation. Vous pouvez continuer à écrire en attendant.",
  es: 'Gracias. Alguien del equipo le responderá aquí, en este chat. Mientras tanto, puede seguir escribiendo.',
};

export function teamRequestedNotice(language: string | null): string {
  return TEAM_REQUESTED[(language ?? 'en') as WidgetLanguage] ?? TEAM_REQUESTED.en;
}
