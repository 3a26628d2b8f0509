import type { SearchHit } from '../knowledge/types.js';
import { citationOf } from './citations.js';
import type { Citation } from './types.js';

/**
 * The answer Baton gives without an LLM (no key, or the LLM failing): the best passages quoted
 * and cited, labelled as excerpts, with an offer to reach the team. Never silent.
 */

const WORDS = {
  en: { intro: 'Here is what I found in our documentation (excerpts):', none: "I couldn't find this in our documentation.", team: 'Would you like to ask the team?' },
  da: { intro: 'Her er, hvad jeg fandt i vores dokumentation (uddrag):', none: 'Jeg kunne ikke finde det i vores dokumentation.', team: 'Vil du spørge teamet?' },
  de: { intro: 'Das habe ich in unserer Dokumentation gefunden (Auszüge):', none: 'Dazu habe ich in unserer Dokumentation nichts gefunden.', team: 'Möchten Sie das Team fragen?' },
  fr: { intro: "Voici ce que j'ai trouvé dans notre documentation (extraits) :", none: "Je n'ai pas trouvé cela dans notre documentation.", team: "Voulez-vous poser la question à l'équipe ?" },
  es: { intro: 'Esto es lo que encontré en nuestra documentación (extractos):', none: 'No encontré esto en nuestra documentación.', team: '¿Quiere preguntar al equipo?' },
} as const;

export type ReplyLanguage = keyof typeof WORDS;
export const REPLY_LANGUAGES = Object.keys(WORDS) as ReplyLanguage[];

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
  /** Nothing matched: the visitor should be offered the team straight away. */
  empty: boolean;
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

export function extractiveAnswer(hits: SearchHit[], language: string): ExtractiveAnswer {
  const words = WORDS[(language in WORDS ? language : 'en') as ReplyLanguage];
  if (!hits.length) return { text: `${words.none} ${words.team}`, citations: [], empty: true };
  const best = hits[0]!.score;
  const chosen = hits.slice(0, MAX_PASSAGES).filter((h, i) => i === 0 || h.score >= best * RELATIVE_FLOOR);
  const quotes = chosen.map((h, i) => `> ${excerpt(h.chunk.text)} [${i + 1}]`);
  return { text: `${words.intro}\n\n${quotes.join('\n\n')}\n\n${words.team}`, citations: chosen.map(citationOf), empty: false };
}
