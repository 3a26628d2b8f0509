import { distance } from 'fastest-levenshtein';
import { glossaryFor, informalEnglishGlossary, type Translation } from '../../lib/glossary/index.js';
import { stopWords } from '../../lib/language.js';
import { termOf, termsOf, wordsOf } from '../../lib/text-analysis.js';
import type { Chunk, SearchHit } from './types.js';

/**
 * Baton's own ranking, the same whichever backend supplied the candidates (BM25F: Robertson &
 * Zaragoza, "The Probabilistic Relevance Framework", 2009). A term counts for as much as it is
 * rare in the whole corpus, so the product's name on every page weighs nothing and "webdav" a
 * lot; the page title and headings count above the body; passages are then grouped by page so
 * the first results are distinct pages.
 */

const FIELDS = ['title', 'headings', 'text'] as const;
type Field = (typeof FIELDS)[number];

export interface RankingParams {
  k1: number;
  /** How much the whole page's score counts against its best passage's (0 to 1). */
  page: number;
  /** How much each field counts, relative to the body. */
  weight: Record<Field, number>;
  /** Length normalisation per field (0: none, 1: full). */
  b: Record<Field, number>;
}

export const DEFAULT_RANKING: RankingParams = {
  k1: 1.2,
  page: 0.5,
  weight: { title: 2.5, headings: 1.5, text: 1 },
  b: { title: 0.3, headings: 0.3, text: 0.75 },
};

/** The analysed fields of a passage: each field's terms, counted. */
interface PassageTerms {
  counts: Record<Field, Map<string, number>>;
  lengths: Record<Field, number>;
}

function fieldTexts(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text'>): Record<Field, string> {
  return { title: chunk.title, headings: chunk.headingPath.join(' '), text: chunk.text };
}

function analysePassage(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text' | 'language'>): PassageTerms {
  const texts = fieldTexts(chunk);
  const counts = {} as Record<Field, Map<string, number>>;
  const lengths = {} as Record<Field, number>;
  for (const f of FIELDS) {
    const terms = termsOf(texts[f], chunk.language);
    const m = new Map<string, number>();
    for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
    counts[f] = m;
    lengths[f] = terms.length;
  }
  return { counts, lengths };
}

/**
 * Every distinct index term of a passage (title, headings and body), as ranking reads them: what
 * a backend stores so its candidates are found by the same terms Baton ranks them by.
 */
export function indexTermsOf(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text' | 'language'>): string[] {
  const texts = fieldTexts(chunk);
  return [...new Set(FIELDS.flatMap((f) => termsOf(texts[f], chunk.language)))];
}

/** How many passages hold each term, and the fields' average lengths: what rarity is measured by. */
export class CorpusStats {
  constructor(
    readonly passages: number,
    readonly averageLength: Record<Field, number>,
    readonly documentFrequency: ReadonlyMap<string, number>,
    /** The languages the passages are in, most passages first. */
    readonly languages: string[],
    /** The same for whole pages: how many, their body lengths, how many hold each term. */
    readonly pages: { count: number; averageLength: number; length: ReadonlyMap<string, number>; documentFrequency: ReadonlyMap<string, number> } = { count: 0, averageLength: 1, length: new Map(), documentFrequency: new Map() },
  ) {}

  static readonly empty = new CorpusStats(0, { title: 1, headings: 1, text: 1 }, new Map(), []);

  pageIdf(term: string): number {
    return idfOf(this.pages.documentFrequency.get(term) ?? 0, this.pages.count);
  }

  df(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** BM25's inverse document frequency, never negative. */
  idf(term: string): number {
    return idfOf(this.df(term), this.passages);
  }

  #byShape: Map<string, string[]> | undefined;
  #corrections = new Map<string, string | null>();

  /**
   * The index term a misspelt one most likely stands for ("pasword", "acount", "publishd"): the
   * most common term within one edit, or two for long words, with the same first letter (people
   * rarely mistype the first letter). Meilisearch forgives typos much the same way, so Postgres
   * and the gate do too. Numbers and codes are left alone.
   */
  correction(term: string): string | undefined {
    if (term.length < TYPO_MIN_LENGTH || /\d/.test(term) || this.df(term) > 0) return undefined;
    const cached = this.#corrections.get(term);
    if (cached !== undefined) return cached ?? undefined;
    const max = term.length >= TWO_TYPOS_MIN_LENGTH ? 2 : 1;
    let best: { term: string; edits: number; df: number } | undefined;
    for (let length = term.length - max; length <= term.length + max; length++) {
      for (const candidate of this.#shapes().get(`${term[0]}${length}`) ?? []) {
        const edits = distance(term, candidate);
        if (edits > max) continue;
        const df = this.df(candidate);
        if (!best || edits < best.edits || (edits === best.edits && df > best.df)) best = { term: candidate, edits, df };
      }
    }
    // A stranger can send any number of distinct words: the cache is emptied rather than grown.
    if (this.#corrections.size >= CORRECTIONS_CACHED) this.#corrections.clear();
    this.#corrections.set(term, best?.term ?? null);
    return best?.term;
  }

  /** Terms by first letter and length: the only ones a correction compares with. */
  #shapes(): Map<string, string[]> {
    if (this.#byShape) return this.#byShape;
    const map = new Map<string, string[]>();
    for (const t of this.documentFrequency.keys()) {
      if (t.length < TYPO_MIN_LENGTH - 2 || /\d/.test(t)) continue;
      const key = `${t[0]}${t.length}`;
      const list = map.get(key);
      if (list) list.push(t);
      else map.set(key, [t]);
    }
    return (this.#byShape = map);
  }
}

// On stems, one letter more than Meilisearch's defaults on words: short stems are one edit away
// from other real words ("merch" and "march", "kindl" and "kind"), and a word the content lacks
// taken for another makes the gate answer what nothing covers.
const TYPO_MIN_LENGTH = 6;
const TWO_TYPOS_MIN_LENGTH = 10;
const CORRECTIONS_CACHED = 10_000;
// Words of one question looked up for a misspelling, at most (a pasted log holds dozens).
const MAX_CORRECTIONS = 12;

const idfOf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Builds CorpusStats a batch of passages at a time (the corpus is read in batches). */
export class CorpusStatsBuilder {
  #n = 0;
  #lengths: Record<Field, number> = { title: 0, headings: 0, text: 0 };
  #df = new Map<string, number>();
  #languages = new Map<string, number>();
  #pageLength = new Map<string, number>();
  #pageTerms = new Map<string, Set<string>>();

  add(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text' | 'language' | 'url' | 'sourceId'>): void {
    const p = analysePassage(chunk);
    const page = pageOf(chunk);
    this.#pageLength.set(page, (this.#pageLength.get(page) ?? 0) + p.lengths.text);
    let pageTerms = this.#pageTerms.get(page);
    if (!pageTerms) this.#pageTerms.set(page, (pageTerms = new Set()));
    this.#n++;
    const seen = new Set<string>();
    for (const f of FIELDS) {
      this.#lengths[f] += p.lengths[f];
      for (const t of p.counts[f].keys()) seen.add(t);
    }
    for (const t of seen) {
      this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
      pageTerms.add(t);
    }
    this.#languages.set(chunk.language, (this.#languages.get(chunk.language) ?? 0) + 1);
  }

  finish(): CorpusStats {
    const n = this.#n;
    const avg = (f: Field) => (n ? Math.max(1, this.#lengths[f] / n) : 1);
    const languages = [...this.#languages.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
    const pageDf = new Map<string, number>();
    for (const terms of this.#pageTerms.values()) for (const t of terms) pageDf.set(t, (pageDf.get(t) ?? 0) + 1);
    const pageCount = this.#pageLength.size;
    const pageAvg = pageCount ? Math.max(1, [...this.#pageLength.values()].reduce((a, b) => a + b, 0) / pageCount) : 1;
    return new CorpusStats(n, { title: avg('title'), headings: avg('headings'), text: avg('text') }, this.#df, languages, { count: pageCount, averageLength: pageAvg, length: this.#pageLength, documentFrequency: pageDf });
  }
}

/** One word of the question, with the index terms it may appear as and how rare it is. */
export interface QueryTerm {
  word: string;
  /** Its stem in the question's language and in each language of the content. */
  variants: string[];
  /** Passages holding any variant (the largest count: an upper bound on the union's). */
  df: number;
  idf: number;
  /** The glossary's English for a word of the question's language the content does not use. */
  translated?: boolean;
  /** A word the content does not use, found as the term it most likely misspells. */
  corrected?: boolean;
}

/**
 * The question's key words as weighted query terms, rarest first. A word found nowhere in the
 * content keeps the highest weight: it is what the question is about, and the answerability
 * gate must see that nothing covers it.
 */
export function queryTermsOf(words: string[], language: string, stats: CorpusStats): QueryTerm[] {
  const languages = [...new Set([language, ...stats.languages])];
  const byVariants = new Map<string, QueryTerm>();
  const add = (word: string, variants: string[], mark: { translated?: true; corrected?: true } = {}) => {
    const key = [...variants].sort().join(' ');
    if (byVariants.has(key)) return;
    const df = Math.max(0, ...variants.map((v) => stats.df(v)));
    byVariants.set(key, { word, variants, df, idf: idfOf(df, stats.passages), ...mark });
  };
  let corrections = 0;
  // A question in another language than English content is looked up in the glossary; an
  // English one in the glossary of short forms ("pics", "ppl").
  const glossary = !stats.languages.includes('en') ? undefined : language === 'en' ? informalEnglishGlossary() : glossaryFor(language);
  const english = stopWords('en');
  const speaks = stats.languages.includes(language);
  // "android-app" is two words in the passages ("android", "app"), so it is two terms here too.
  // The question's stop words went before the split, so "c'est" and "Ende-zu-Ende" would bring
  // "c", "est" and "zu" back as if they were what the question is about: such parts are dropped
  // (numbers kept: "2-factor").
  const stops = stopWords(language);
  const all = words.flatMap((w) => {
    const parts = wordsOf(w);
    return parts.length > 1 ? parts.filter((p) => /\d/.test(p) || (p.length > 1 && !stops.has(p) && !english.has(p))) : parts;
  });
  for (let i = 0; i < all.length; i++) {
    const word = all[i]!;
    // Two words that are one entry ("mot de passe") are translated together.
    const pair = glossary && i + 1 < all.length ? glossary.pair(word, all[i + 1]!) : undefined;
    if (pair) {
      for (const t of englishTerms(pair, TRANSLATION_STOPS)) add(t.word, t.variants, { translated: true });
      i++;
      continue;
    }
    const variants = [...new Set(languages.map((l) => termOf(word, l)))];
    const entry = glossary?.word(word);
    const translation = englishTerms(entry, TRANSLATION_STOPS);
    const known = variants.some((v) => stats.df(v) > 0);
    // A word whose English is only function words ("waarom": why, "puedo": can) is not what the
    // question is about; kept, it would weigh as a word the content never uses.
    if (!known && entry && !translation.length) continue;
    // A word the content never uses is replaced by its English terms ("sparegris": "piggy",
    // "bank"); one it does use ("app", "export", a product name) keeps its own form, and a
    // one-word translation is matched as well. The term's words are what a backend that reads
    // words (Meilisearch) is sent, so they carry every alternative.
    // Where some of the content is in the question's language, a word it uses is left alone,
    // so a Danish question still finds the Danish page first.
    if (!known && translation.length) for (const t of translation) add(t.word, t.variants, { translated: true });
    // So is an English short form the content uses too ("max" in a table, "maximum" in the sentence
    // that answers), where the long form is not much commoner: "config" merged with "settings"
    // would weigh as little as "settings" in every question.
    else if (translation.length === 1 && (!speaks || (language === 'en' && sameWeight(variants, translation[0]!.variants, stats))))
      add(`${word} ${translation[0]!.word}`, [...new Set([...variants, ...translation[0]!.variants])]);
    // Only in the content's own language: a foreign word one letter from an English one
    // ("atend", "amend") is not its misspelling.
    else if (!known && speaks && corrections < MAX_CORRECTIONS) {
      corrections++;
      const fixed = corrected(variants, stats);
      add(word, fixed, fixed.length > variants.length ? { corrected: true } : {});
    }
    else add(word, variants);
  }
  return [...byVariants.values()].sort((a, b) => b.idf - a.idf);
}

// How much commoner a short form's long form may be than the short form for the two to be one
// term (its rarity is the commoner one's).
const MAX_LONG_FORM_RATIO = 4;
const sameWeight = (short: string[], long: string[], stats: CorpusStats) =>
  Math.max(...long.map((v) => stats.df(v))) <= MAX_LONG_FORM_RATIO * Math.max(1, ...short.map((v) => stats.df(v)));

// A word the content never uses, as typed and as the term it most likely misspells (if any): the
// typo is searched for what was meant, and the gate does not take it for something the content
// lacks.
function corrected(variants: string[], stats: CorpusStats): string[] {
  const fixes = variants.flatMap((v) => stats.correction(v) ?? []);
  return [...new Set([...variants, ...fixes])];
}

// English words a translation may give that no help-centre page is about; the stop-word list
// lacks them ("waarom" is "why", "uden" "without"). Only for translations: in an English
// question "always-on" keeps its "always".
const FUNCTION_WORDS = ['why', 'when', 'where', 'again', 'without', 'already', 'always', 'never', 'instead', 'still', 'even', 'yet', 'anymore', 'however', 'maybe', 'perhaps', 'really', 'every', 'whether', 'though', 'although', 'else', 'ever', 'often', 'sometimes', 'soon', 'then', 'there', 'here', 'please', 'also', 'just', 'only', 'very', 'which', 'whose', 'whom', 'while', 'until', 'unless', 'since', 'per', 'via', 'afterwards', 'afterward', 'beforehand', 'anyway', 'somehow'];
const TRANSLATION_STOPS = new Set([...stopWords('en'), ...FUNCTION_WORDS]);

/** A translation's English terms: each position with its alternatives as the term's words. */
function englishTerms(translation: Translation | undefined, stops: Set<string>): { word: string; variants: string[] }[] {
  return (translation ?? []).flatMap((alternatives) => {
    const words = alternatives.flatMap((a) => wordsOf(a)).filter((w) => !stops.has(w));
    return words.length ? [{ word: words.join(' '), variants: [...new Set(words.map((w) => termOf(w, 'en')))] }] : [];
  });
}

export interface RankedPassage {
  chunk: Chunk;
  score: number;
  /** Indexes (into the query terms) of the terms this passage holds. */
  matched: number[];
  /** Each query term's count in the passage's body and headings (for the page's own score). */
  counts: { text: number[]; headings: number[]; title: number[] };
}

/** BM25F score of each candidate, best first; candidates that match no term are dropped. */
export function rankPassages(candidates: Chunk[], query: QueryTerm[], stats: CorpusStats, params: RankingParams = DEFAULT_RANKING): RankedPassage[] {
  const out: RankedPassage[] = [];
  const seen = new Set<string>();
  for (const chunk of candidates) {
    if (seen.has(chunk.id)) continue;
    seen.add(chunk.id);
    const p = analysePassage(chunk);
    let score = 0;
    const matched: number[] = [];
    const counts = { text: query.map(() => 0), headings: query.map(() => 0), title: query.map(() => 0) };
    query.forEach((q, i) => {
      let tf = 0;
      for (const f of FIELDS) {
        let count = 0;
        for (const v of q.variants) count += p.counts[f].get(v) ?? 0;
        counts[f][i] = count;
        if (!count) continue;
        const norm = 1 - params.b[f] + (params.b[f] * p.lengths[f]) / stats.averageLength[f];
        tf += (params.weight[f] * count) / norm;
      }
      if (!tf) return;
      matched.push(i);
      score += (q.idf * tf * (params.k1 + 1)) / (params.k1 + tf);
    });
    if (matched.length) out.push({ chunk, score, matched, counts });
  }
  return out.sort((a, b) => b.score - a.score || a.chunk.position - b.chunk.position);
}

/** The page a passage belongs to: its URL without the #section, or its source (Q&A snippets have no URL). */
export const pageOf = (chunk: Pick<Chunk, 'url' | 'sourceId'>) => (chunk.url ? chunk.url.replace(/#.*$/, '') : `source:${chunk.sourceId}`);

export interface RankedPage {
  page: string;
  score: number;
  /** The page's passages among the candidates, best first. */
  passages: RankedPassage[];
}

/**
 * Passages grouped by page. A page is scored two ways and the two are blended: by its best
 * passage (a precise answer in one place) and as a whole (BM25F over the page: its title, the
 * headings and body of its matching passages, normalised by the page's full length, so a long
 * changelog that mentions every word once does not beat the page about the topic).
 */
export function groupByPage(ranked: RankedPassage[], query: QueryTerm[] = [], stats: CorpusStats = CorpusStats.empty, params: RankingParams = DEFAULT_RANKING): RankedPage[] {
  const pages = new Map<string, RankedPage>();
  for (const r of ranked) {
    const key = pageOf(r.chunk);
    const page = pages.get(key);
    if (page) page.passages.push(r);
    else pages.set(key, { page: key, score: r.score, passages: [r] });
  }
  const list = [...pages.values()];
  if (params.page > 0 && query.length && stats.pages.count) {
    const whole = list.map((p) => pageScore(p, query, stats, params));
    const maxWhole = Math.max(...whole, 1e-9);
    const maxBest = Math.max(...list.map((p) => p.score), 1e-9);
    list.forEach((p, i) => (p.score = (1 - params.page) * (p.score / maxBest) + params.page * (whole[i]! / maxWhole)));
  }
  return list.sort((a, b) => b.score - a.score);
}

function pageScore(page: RankedPage, query: QueryTerm[], stats: CorpusStats, params: RankingParams): number {
  const length = stats.pages.length.get(page.page) ?? stats.pages.averageLength;
  const norm = 1 - params.b.text + (params.b.text * length) / stats.pages.averageLength;
  const first = page.passages[0]!;
  const seenHeadings = new Set<string>();
  const headings = query.map(() => 0);
  const text = query.map(() => 0);
  for (const p of page.passages) {
    p.counts.text.forEach((c, i) => (text[i]! += c));
    const path = p.chunk.headingPath.join(' › ');
    if (seenHeadings.has(path)) continue;
    seenHeadings.add(path);
    p.counts.headings.forEach((c, i) => (headings[i]! += c));
  }
  let score = 0;
  query.forEach((q, i) => {
    const tf = params.weight.title * (first.counts.title[i] ?? 0) + params.weight.headings * (headings[i] ?? 0) * 0.5 + (params.weight.text * text[i]!) / norm;
    if (!tf) return;
    const idf = Math.max(...q.variants.map((v) => stats.pageIdf(v)));
    score += (idf * tf * (params.k1 + 1)) / (params.k1 + tf);
  });
  return score;
}

// A page title of at least this many words besides its stop words that the question writes out,
// in order, names the page: a quoted error message and the troubleshooting page titled by it
// ("Error: No start command could be found." and "No Start Command Could be Found"). One or two
// words ("Logs", "Reverse proxy", "User settings") are a topic the question may pass through.
const TITLE_QUOTED_MIN_TERMS = 3;
// Added to such a page's blended score (0 to 1): enough to lift it over pages that only share the
// error's common words, not over one that holds the question's rarer words as well.
const TITLE_QUOTED_BONUS = 0.2;

/**
 * Pages whose whole title the question writes out, in order, moved up by a fixed bonus (the pages
 * are re-sorted). Terms as the index has them, so "Could be found" meets "could be found".
 */
export function preferTitlesQuoted(pages: RankedPage[], question: string): RankedPage[] {
  // The question as each title's language stems it (content may be in several languages).
  const asked = new Map<string, string>();
  const askedIn = (language: string) => {
    let text = asked.get(language);
    if (text === undefined) asked.set(language, (text = ` ${termsOf(question, language).join(' ')} `));
    return text;
  };
  for (const page of pages) {
    const first = page.passages[0]!.chunk;
    // Counted without its stop words: "What is Railway?" names no error, however a question opens.
    const named = wordsOf(first.title).filter((w) => !stopWords(first.language).has(w));
    if (named.length < TITLE_QUOTED_MIN_TERMS) continue;
    if (askedIn(first.language).includes(` ${termsOf(first.title, first.language).join(' ')} `)) page.score += TITLE_QUOTED_BONUS;
  }
  return pages.sort((a, b) => b.score - a.score);
}

/**
 * The hits in the order a reader wants them: the best passage of each page first, so the first
 * results are distinct pages; then the other passages of those pages, best first, as context.
 */
export function distinctPagesFirst(pages: RankedPage[], limit: number): SearchHit[] {
  const firsts = pages.map((p) => p.passages[0]!);
  const rest = pages.flatMap((p) => p.passages.slice(1)).sort((a, b) => b.score - a.score);
  return [...firsts, ...rest].slice(0, limit).map((r) => ({ chunk: r.chunk, score: r.score }));
}
