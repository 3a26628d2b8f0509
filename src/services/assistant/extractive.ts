import { LANGUAGES, locale, type Language, type Locale } from '../../locales/index.js';
import type { SearchHit } from '../knowledge/types.js';
import { citationOf } from './citations.js';
import { bestExcerpt, type ExcerptTerm } from './excerpts.js';
import type { Citation } from './types.js';

/**
 * The answer Baton gives without an LLM (no key, or the LLM failing): the best passages quoted
 * and cited, labelled as excerpts, with an offer to reach the team. Never silent.
 */

export type ReplyLanguage = Language;
export const REPLY_LANGUAGES = LANGUAGES;

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
  /** Nothing matched: the visitor is offered the team (unless the team was already asked). */
  empty: boolean;
}

export type ReplyTexts = Locale['replies'];

/** The fixed replies in the visitor's language (English for a language Baton has none for). */
export function replyTexts(language: string): ReplyTexts {
  return locale(language).replies;
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
