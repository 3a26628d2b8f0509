import type { SearchHit } from '../knowledge/types.js';
import { citationOf } from './citations.js';
import { bestExcerpt, type ExcerptTerm } from './excerpts.js';
import type { Citation } from './types.js';

/**
 * The answer Baton gives without an LLM (no key, or the LLM failing): the best passages quoted
 * and cited, labelled as excerpts, with an offer to reach the team. Never silent.
 */

const WORDS = {
  en: {
    intro: 'Here is what I found in our documentation (excerpts):',
    none: "I couldn't find this in our documentation.",
    otherLanguage: "I couldn't find this in our documentation, which is written in English.",
    team: 'Would you like me to ask the team? Just say yes.',
    greeting: 'Hello! What can I help you with?',
    thanks: "You're welcome! Anything else I can help with?",
    acknowledgement: 'Anything else I can help with?',
    goodbye: 'Goodbye, and thanks for writing!',
    dissatisfied: "Sorry that didn't help. Could you tell me a bit more about what you need? Or would you like me to ask the team? Just say yes.",
    dissatisfiedQueued: "Sorry that didn't help. The team has been asked and will reply here.",
  },
  da: {
    intro: 'Her er, hvad jeg fandt i vores dokumentation (uddrag):',
    none: 'Jeg kunne ikke finde det i vores dokumentation.',
    otherLanguage: 'Jeg kunne ikke finde det i vores dokumentation, som er skrevet på engelsk.',
    team: 'Skal jeg spørge teamet? Så skriv bare ja.',
    greeting: 'Hej! Hvad kan jeg hjælpe med?',
    thanks: 'Selv tak! Er der andet, jeg kan hjælpe med?',
    acknowledgement: 'Er der andet, jeg kan hjælpe med?',
    goodbye: 'Farvel, og tak for din besked!',
    dissatisfied: 'Beklager, at det ikke hjalp. Kan du fortælle lidt mere om, hvad du har brug for? Eller skal jeg spørge teamet? Så skriv bare ja.',
    dissatisfiedQueued: 'Beklager, at det ikke hjalp. Teamet er spurgt og svarer her.',
  },
  de: {
    intro: 'Das habe ich in unserer Dokumentation gefunden (Auszüge):',
    none: 'Dazu habe ich in unserer Dokumentation nichts gefunden.',
    otherLanguage: 'Dazu habe ich in unserer Dokumentation nichts gefunden; sie ist auf Englisch geschrieben.',
    team: 'Soll ich das Team fragen? Schreiben Sie einfach „ja“.',
    greeting: 'Hallo! Wobei kann ich helfen?',
    thanks: 'Gern geschehen! Kann ich sonst noch helfen?',
    acknowledgement: 'Kann ich sonst noch helfen?',
    goodbye: 'Auf Wiedersehen, und danke für Ihre Nachricht!',
    dissatisfied: 'Schade, dass das nicht geholfen hat. Können Sie etwas genauer sagen, was Sie brauchen? Oder soll ich das Team fragen? Schreiben Sie einfach „ja“.',
    dissatisfiedQueued: 'Schade, dass das nicht geholfen hat. Das Team ist gefragt und antwortet hier.',
  },
  fr: {
    intro: "Voici ce que j'ai trouvé dans notre documentation (extraits) :",
    none: "Je n'ai pas trouvé cela dans notre documentation.",
    otherLanguage: "Je n'ai pas trouvé cela dans notre documentation, qui est rédigée en anglais.",
    team: "Voulez-vous que je pose la question à l'équipe ? Répondez simplement oui.",
    greeting: 'Bonjour ! Que puis-je faire pour vous ?',
    thanks: 'Avec plaisir ! Puis-je vous aider pour autre chose ?',
    acknowledgement: 'Puis-je vous aider pour autre chose ?',
    goodbye: 'Au revoir, et merci de votre message !',
    dissatisfied: "Désolé, cela ne vous a pas aidé. Pouvez-vous m'en dire un peu plus sur ce qu'il vous faut ? Ou voulez-vous que je pose la question à l'équipe ? Répondez simplement oui.",
    dissatisfiedQueued: "Désolé, cela ne vous a pas aidé. L'équipe a été prévenue et vous répondra ici.",
  },
  es: {
    intro: 'Esto es lo que encontré en nuestra documentación (extractos):',
    none: 'No encontré esto en nuestra documentación.',
    otherLanguage: 'No encontré esto en nuestra documentación, que está escrita en inglés.',
    team: '¿Quiere que se lo pregunte al equipo? Responda simplemente sí.',
    greeting: '¡Hola! ¿En qué puedo ayudarle?',
    thanks: '¡De nada! ¿Puedo ayudarle en algo más?',
    acknowledgement: '¿Puedo ayudarle en algo más?',
    goodbye: '¡Adiós, y gracias por escribirnos!',
    dissatisfied: 'Siento que no le haya servido. ¿Puede contarme un poco más de lo que necesita? ¿O quiere que se lo pregunte al equipo? Responda simplemente sí.',
    dissatisfiedQueued: 'Siento que no le haya servido. El equipo ya está avisado y le responderá aquí.',
  },
} as const;

export type ReplyLanguage = keyof typeof WORDS;
export const REPLY_LANGUAGES = Object.keys(WORDS) as ReplyLanguage[];

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
  /** Nothing matched: the visitor is offered the team (unless the team was already asked). */
  empty: boolean;
}

export type ReplyTexts = (typeof WORDS)[ReplyLanguage];

/** The fixed replies in the visitor's language (English for a language Baton has none for). */
export function replyTexts(language: string): ReplyTexts {
  return WORDS[(language in WORDS ? language : 'en') as ReplyLanguage];
}

/**
 * "I couldn't find this": said plainly, naming the documentation's language when the visitor
 * wrote in another, and offering the team unless it has already been asked.
 */
export function notFoundReply(language: string, opts: { contentLanguage?: string; handedOff?: boolean } = {}): string {
  const words = replyTexts(language);
  const other = opts.contentLanguage === 'en' && language !== 'en';
  return [other ? words.otherLanguage : words.none, opts.handedOff ? '' : words.team].filter(Boolean).join(' ');
}

const MAX_EXCERPT = 400;
const MAX_PASSAGES = 3;
// Passages scoring under this share of the best one add noise, not help.
const RELATIVE_FLOOR = 0.5;

/** The passage cut to whole sentences within MAX_EXCERPT characters (or a word boundary). */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (sentenceEnd > max * 0.4) return cut.slice(0, sentenceEnd + 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}

export interface ExtractiveOptions {
  contentLanguage?: string;
  handedOff?: boolean;
  /** The question's words: each excerpt is the part of its passage around them. */
  terms?: ExcerptTerm[];
  /**
   * For an agent's draft: the excerpts as plain text with each page's link written after it,
   * nothing the visitor could not follow (no quote marks, no [1] without the sources list).
   */
  forAgent?: boolean;
}

export function extractiveAnswer(hits: SearchHit[], language: string, opts: ExtractiveOptions = {}): ExtractiveAnswer {
  const words = replyTexts(language);
  if (!hits.length) return { text: notFoundReply(language, opts), citations: [], empty: true };
  const best = hits[0]!.score;
  const chosen = hits.slice(0, MAX_PASSAGES).filter((h, i) => i === 0 || h.score >= best * RELATIVE_FLOOR);
  const excerpts = chosen.map((h) => (opts.terms?.length ? bestExcerpt(h.chunk.text, opts.terms, h.chunk.language, MAX_EXCERPT) : excerpt(h.chunk.text)));
  const citations = chosen.map(citationOf);
  if (opts.forAgent) {
    const parts = excerpts.map((text, i) => `${text}\n${linkLine(citations[i]!)}`);
    return { text: parts.join('\n\n'), citations, empty: false };
  }
  // Every line of an excerpt is quoted, so a list or code stays inside its quote.
  const quotes = excerpts.map((text, i) => `${text.split('\n').map((line) => `> ${line}`).join('\n')} [${i + 1}]`);
  // Excerpts are an answer: the team is offered by the "Talk to the team" button, not after every one.
  return { text: `${words.intro}\n\n${quotes.join('\n\n')}`, citations, empty: false };
}

/** "Title › Section: https://…", or the title alone for a source without an address. */
function linkLine(c: Citation): string {
  const name = [c.title, c.section].filter(Boolean).join(' › ');
  return c.url ? `${name}: ${c.url}` : name;
}
