import { stopWords } from '../language.js';
import { termOf } from '../text-analysis.js';
import da from './da.js';
import de from './de.js';
import informalEnglish from './en-informal.js';
import es from './es.js';
import fr from './fr.js';
import nl from './nl.js';
import sv from './sv.js';

/**
 * Word-for-word glossaries from the widget's languages into English, for help-centre and
 * software vocabulary ("Abonnement" → subscription, "sparegris" → piggy bank). Without an LLM
 * there is no translation, and a question in Danish shares almost no words with English
 * documentation; looked up here, its key words meet the pages' own. A glossary is not a
 * translator: it knows words (and a few pairs, "mot de passe"), not what a sentence means, so ranking still
 * weighs each word by how rare it is in the content and the answerability gate still decides.
 *
 * Each file holds lines `foreign = english`: a space separates English words that together
 * translate the foreign one ("piggy bank": two search terms), `|` separates alternatives
 * ("create|add": one term that either word matches). Keys are matched by their Snowball stem in
 * their own language, so inflected forms find them.
 */

const SOURCES: Record<string, string> = { da, de, es, fr, nl, sv };

// Languages that write compounds as one word ("Sicherheitslücke", "beveiligingslek"): an unknown
// word is looked up as two known ones, with the linking letters these languages put between.
const COMPOUNDING = new Set(['da', 'de', 'nl', 'sv']);
const LINKS = ['', 's', 'e', 'es', 'en', 'n', 'er'];
const MIN_PART = 3;
// Longer "words" are not compounds but pasted tokens (hashes, URLs run together): not split, so a
// stranger's message cannot make each word cost hundreds of lookups.
const MAX_COMPOUND = 40;

// The stemmer keeps some plurals apart from their singular ("días" stems as "dias", "día" as
// "dia"): a word still unknown is looked up as the singular it is written as plus -s, -es or -x,
// where that singular is an entry as written (not by its stem: "fois" is not "foi").
const PLURALS: Record<string, string[]> = { es: ['es', 's'], fr: ['s', 'x'] };

/** One translation: the English terms in order, each with its alternatives. */
export type Translation = string[][];

const glossaries = new Map<string, Glossary>();

/** A glossary's lookups: a word (or two words in a row) of `language` in English, or undefined. */
export interface Glossary {
  word(word: string): Translation | undefined;
  /** Two words in a row that together are one entry ("mot de passe": "mot", "passe"). */
  pair(first: string, second: string): Translation | undefined;
  /** Whether the word is an entry of its own (as written or by its stem), not read as a compound. */
  has(word: string): boolean;
}

/**
 * Lines of `foreign = english` as entries, the first of each foreign word kept. A foreign side
 * of several words is one entry for the first two that are not stop words ("mot de passe");
 * `word = -` says a word is never to be translated (its stem would meet another entry's:
 * Danish "virkelig", really, stems like "virke", to work).
 */
function parse(source: string): Map<string, Translation | null> {
  const entries = new Map<string, Translation | null>();
  for (const line of source.split('\n')) {
    const at = line.indexOf('=');
    if (at < 0 || line.trimStart().startsWith('#')) continue;
    const foreign = line.slice(0, at).trim().toLowerCase().replace(/\s+/g, ' ');
    const right = line.slice(at + 1).trim().toLowerCase();
    const english = right
      .split(/\s+/)
      .map((position) => position.split('|').filter(Boolean))
      .filter((alternatives) => alternatives.length);
    if (foreign && !entries.has(foreign)) entries.set(foreign, right === '-' ? null : english.length ? english : null);
  }
  return entries;
}

/** A glossary built from its source text, for words of `language`. */
export function glossaryOf(source: string, language: string): Glossary {
  const stop = stopWords(language);
  // Words as written and their stems are kept apart: a word must not meet another entry's stem
  // ("saker", things, is the stem of "säkerhet", security).
  const written = new Map<string, Translation | null>();
  const stems = new Map<string, Translation>();
  const pairs = new Map<string, Translation>();
  const stem = (word: string) => termOf(word, language);
  for (const [foreign, english] of parse(source)) {
    const words = foreign.split(' ').filter((w) => !stop.has(w));
    if (words.length >= 2) {
      const key = `${stem(words[0]!)} ${stem(words[1]!)}`;
      if (english && !pairs.has(key)) pairs.set(key, english);
      continue;
    }
    if (!written.has(foreign)) written.set(foreign, english);
    if (english && !stems.has(stem(foreign))) stems.set(stem(foreign), english);
  }
  const known = (word: string): Translation | null | undefined => (written.has(word) ? written.get(word) : stems.get(stem(word)));
  const part = (p: string) => (p.length >= MIN_PART ? (known(p) ?? undefined) : undefined);
  return {
    pair: (first, second) => pairs.get(`${stem(first.toLowerCase())} ${stem(second.toLowerCase())}`),
    has: (word) => !!known(word.toLowerCase()),
    word(word) {
      const lower = word.toLowerCase();
      const whole = known(lower);
      if (whole !== undefined) return whole ?? undefined;
      const singular = PLURALS[language]?.map((end) => (lower.endsWith(end) ? written.get(lower.slice(0, -end.length)) : undefined)).find((t) => t);
      if (singular) return singular;
      if (!COMPOUNDING.has(language) || lower.length < 2 * MIN_PART || lower.length > MAX_COMPOUND) return undefined;
      // The longest known head first: "sicherheitslücke" is "sicherheit" + "s" + "lücke".
      for (let cut = lower.length - MIN_PART; cut >= MIN_PART; cut--) {
        const tail = part(lower.slice(cut));
        if (!tail) continue;
        const head = lower.slice(0, cut);
        for (const link of LINKS) {
          if (!head.endsWith(link)) continue;
          const first = part(head.slice(0, head.length - link.length));
          if (first) return [...first, ...tail];
        }
      }
      return undefined;
    },
  };
}

/** The languages a glossary translates into English from. */
export const GLOSSARY_LANGUAGES = Object.keys(SOURCES);

let informal: Glossary | undefined;
/** English short forms ("pics", "ppl", "diff") to the words help centres write. */
export function informalEnglishGlossary(): Glossary {
  return (informal ??= glossaryOf(informalEnglish, 'en'));
}

/** The built-in glossary for a language (built on first use), if there is one. */
export function glossaryFor(language: string): Glossary | undefined {
  let glossary = glossaries.get(language);
  if (!glossary) {
    const source = SOURCES[language];
    if (!source) return undefined;
    glossaries.set(language, (glossary = glossaryOf(source, language)));
  }
  return glossary;
}
