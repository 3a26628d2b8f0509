import { termOf } from '../text-analysis.js';
import da from './da.js';
import de from './de.js';
import es from './es.js';
import fr from './fr.js';
import nl from './nl.js';
import sv from './sv.js';

/**
 * Word-for-word glossaries from the widget's languages into English, for help-centre and
 * software vocabulary ("Abonnement" → subscription, "sparegris" → piggy bank). Without an LLM
 * there is no translation, and a question in Danish shares almost no words with English
 * documentation; looked up here, its key words meet the pages' own. A glossary is not a
 * translator: it knows single words, not what a sentence means, which is why ranking still
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

/** One translation: the English terms in order, each with its alternatives. */
export type Translation = string[][];

const glossaries = new Map<string, Lookup>();

type Lookup = (word: string) => Translation | undefined;

/** Lines of `foreign = english` as entries, first one of each foreign word kept. */
function parse(source: string): Map<string, Translation> {
  const entries = new Map<string, Translation>();
  for (const line of source.split('\n')) {
    const at = line.indexOf('=');
    if (at < 0 || line.trimStart().startsWith('#')) continue;
    const foreign = line.slice(0, at).trim().toLowerCase();
    const english = line
      .slice(at + 1)
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .map((position) => position.split('|').filter(Boolean))
      .filter((alternatives) => alternatives.length);
    if (foreign && english.length && !entries.has(foreign)) entries.set(foreign, english);
  }
  return entries;
}

/**
 * A glossary's lookup: a word of `language` in English, if the glossary knows it (or, in a
 * compounding language, both halves of it); undefined otherwise.
 */
export function glossaryLookup(source: string, language: string): Lookup {
  const glossary = new Map<string, Translation>();
  for (const [foreign, english] of parse(source)) {
    const key = termOf(foreign, language);
    if (!glossary.has(key)) glossary.set(key, english);
    // The word as written too: a short part of a compound may stem differently on its own.
    if (!glossary.has(foreign)) glossary.set(foreign, english);
  }
  const part = (p: string) => (p.length >= MIN_PART ? (glossary.get(p) ?? glossary.get(termOf(p, language))) : undefined);
  return (word) => {
    const lower = word.toLowerCase();
    const whole = glossary.get(termOf(lower, language)) ?? glossary.get(lower);
    if (whole) return whole;
    if (!COMPOUNDING.has(language) || lower.length < 2 * MIN_PART || lower.length > MAX_COMPOUND) return undefined;
    // The longest known head first: "sicherheitslücke" is "sicherheit" + "s" + "lücke".
    for (let cut = lower.length - MIN_PART; cut >= MIN_PART; cut--) {
      const tail = part(lower.slice(cut));
      if (!tail) continue;
      const head = lower.slice(0, cut);
      for (const link of LINKS) {
        if (!head.endsWith(link)) continue;
        const known = part(head.slice(0, head.length - link.length));
        if (known) return [...known, ...tail];
      }
    }
    return undefined;
  };
}

/** The languages a glossary translates into English from. */
export const GLOSSARY_LANGUAGES = Object.keys(SOURCES);

/** A word of `language` in English from the built-in glossary (built on first use), if it knows it. */
export function translateWord(word: string, language: string): Translation | undefined {
  let lookup = glossaries.get(language);
  if (!lookup) {
    const source = SOURCES[language];
    if (!source) return undefined;
    glossaries.set(language, (lookup = glossaryLookup(source, language)));
  }
  return lookup(word);
}
