/**
 * A small phrase language, plain enough for operators to write in the admin settings and
 * strong enough for the built-in lists:
 *
 *   - words are matched against the message's words in order, with at most two other words
 *     between them ("charged twice" matches "you charged me twice");
 *   - a word matches any message word that starts with it ("refund" matches "refunded"), except
 *     words of one or two letters and words ending in "=", which must match exactly;
 *   - "a|b|c" is any of the alternatives, and "a+b" is two words in a row ("would+like|want");
 *   - ".." lets the next word come up to six words later ("charge .. don+t recognise").
 *
 * Matching is on normalised text: lower case, accents removed (so "möchte" is "mochte", "æ" is
 * "ae" and "ø" is "o"),
 * apostrophes and punctuation as spaces ("can't" is "can t").
 */

export interface CompiledPhrase {
  source: string;
  /** Each word: its alternatives; each alternative: the tokens it must match in a row. */
  words: string[][][];
  /** For each word, how many other words may come before it (after the previous word). */
  gaps: number[];
}

const MAX_GAP = 2;
const FAR_GAP = 6;

/** Lower case, without accents or punctuation: the form phrases are matched against. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    // Danish and Norwegian letters NFKD leaves alone, spelled as people type them without them.
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function compilePhrase(source: string): CompiledPhrase {
  const words: string[][][] = [];
  const gaps: number[] = [];
  let far = false;
  for (const raw of source.trim().split(/\s+/).filter(Boolean)) {
    if (raw === '..') {
      far = true;
      continue;
    }
    const [alts] = normalisePhraseWords(raw);
    if (!alts) continue;
    words.push(alts);
    gaps.push(far ? FAR_GAP : MAX_GAP);
    far = false;
  }
  return { source, words, gaps };
}

function normalisePhraseWords(source: string): string[][][] {
  return source
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('|')
        .map((alt) =>
          alt
            .split('+')
            .map((part) => {
              const exact = part.endsWith('=');
              const base = normalise(exact ? part.slice(0, -1) : part).replace(/\s+/g, '');
              return base && exact ? `${base}=` : base;
            })
            .filter(Boolean),
        )
        .filter((parts) => parts.length),
    )
    .filter((alts) => alts.length);
}

function tokenMatches(part: string, token: string): boolean {
  if (part.endsWith('=')) return token === part.slice(0, -1);
  return part.length <= 2 ? token === part : token.startsWith(part);
}

/** How many tokens from `at` one of the alternatives matches (0 for none). */
function wordMatches(alternatives: string[][], toks: string[], at: number): number {
  for (const parts of alternatives) {
    if (parts.every((part, i) => at + i < toks.length && tokenMatches(part, toks[at + i]!))) return parts.length;
  }
  return 0;
}

/** Where the phrase matches in the tokens: the matched words, or undefined. */
export function matchPhrase(phrase: CompiledPhrase, toks: string[]): string | undefined {
  const { words, gaps } = phrase;
  if (!words.length) return undefined;
  const at = (wi: number, from: number, limit: number): [number, number] | undefined => {
    for (let ti = from; ti < Math.min(toks.length, limit); ti++) {
      const used = wordMatches(words[wi]!, toks, ti);
      if (!used) continue;
      if (wi === words.length - 1) return [ti, ti + used];
      const rest = at(wi + 1, ti + used, ti + used + 1 + gaps[wi + 1]!);
      if (rest) return [ti, rest[1]];
    }
    return undefined;
  };
  const hit = at(0, 0, toks.length);
  return hit ? toks.slice(hit[0], hit[1]).join(' ') : undefined;
}

export function tokens(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(' ') : [];
}

/** The first phrase of the list that matches, with the words it matched. */
export function firstMatch(phrases: CompiledPhrase[], toks: string[]): { phrase: string; matched: string } | undefined {
  for (const p of phrases) {
    const matched = matchPhrase(p, toks);
    if (matched) return { phrase: p.source, matched };
  }
  return undefined;
}
