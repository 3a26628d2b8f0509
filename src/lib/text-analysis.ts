import snowball from 'snowball-stemmers';

/**
 * Words to index terms, the same way for passages and questions: lower case, split on anything
 * that is not a letter or digit, stemmed with Snowball for the text's language (the algorithms
 * Postgres stems with), then stripped of accents so "Verschlüsselung" and "verschlusselung" meet.
 * Baton's own ranking counts these terms; the search backends only supply candidates.
 */

const ALGORITHMS: Record<string, string> = {
  en: 'english', da: 'danish', de: 'german', fr: 'french', es: 'spanish', nl: 'dutch', sv: 'swedish',
  no: 'norwegian', nb: 'norwegian', fi: 'finnish', it: 'italian', pt: 'portuguese', ru: 'russian',
};

type Stem = (word: string) => string;
const stemmers = new Map<string, Stem>();
// Stems are cached per language; a stranger's text can hold any number of distinct words, so the
// cache is emptied when it grows past this instead of growing without bound.
const CACHE_LIMIT = 200_000;

/** A word without its accents ("Verschlüsselung" as "Verschlusselung"). */
export const foldAccents = (word: string) => word.normalize('NFD').replace(/\p{M}+/gu, '');

function stemmerFor(language: string): Stem {
  const algorithm = ALGORITHMS[language];
  const key = algorithm ?? 'none';
  let stem = stemmers.get(key);
  if (stem) return stem;
  const snow = algorithm ? snowball.newStemmer(algorithm) : undefined;
  const cache = new Map<string, string>();
  stem = (word) => {
    let out = cache.get(word);
    if (out === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      // Snowball expects accents (German umlauts, French é); they are folded after stemming.
      out = foldAccents(snow && word.length > 2 && !/\d/.test(word) ? snow.stem(word) : word);
      cache.set(word, out);
    }
    return out;
  };
  stemmers.set(key, stem);
  return stem;
}

/** The words of a text, lower-cased, in order ("e-mail" gives "e" and "mail"; "it's" gives "it"). */
export function wordsOf(text: string): string[] {
  const words = text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words;
}

/** One word's index term in a language. */
export function termOf(word: string, language: string): string {
  return stemmerFor(language)(word.toLowerCase().normalize('NFC'));
}

/** A text's index terms, in order (repeats kept: their count is the term frequency). */
export function termsOf(text: string, language: string): string[] {
  const stem = stemmerFor(language);
  return wordsOf(text).map(stem);
}
