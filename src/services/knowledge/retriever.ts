import { toSearchTerms } from '../../lib/search-query.js';
import type { ChunkRepo, SearchIndex } from '../ports.js';
import { CorpusStatsBuilder, distinctPagesFirst, groupByPage, preferTitlesQuoted, queryTermsOf, rankPassages, type CorpusStats, type QueryTerm, type RankedPage } from './ranking.js';
import type { SearchHit } from './types.js';

export interface SearchResult {
  question: string;
  language: string;
  /** The key terms actually searched for. */
  terms: string[];
  backend: SearchIndex['backend'];
  /** True when the configured index failed and Postgres answered instead. */
  fellBack: boolean;
  hits: SearchHit[];
  /** The question's terms with their weights, rarest first, and the ranked pages: the gate's evidence. */
  query: QueryTerm[];
  pages: RankedPage[];
  /** The language most passages are in (undefined while there are none). */
  contentLanguage: string | undefined;
  /** Passages in the whole corpus. */
  passages: number;
}

// Candidates asked of the backend: enough that the right page is among them when the backend's
// own order is poor (ts_rank knows nothing of rarity); ranked again here.
const CANDIDATE_POOL = 200;
// A pasted paragraph keeps all its words for ranking, up to this many (what a stranger can cost).
const MAX_RANKED_TERMS = 48;
// Terms sent to the backend, rarest first: Meilisearch reads the first ten; more only slow Postgres.
const BACKEND_TERMS = 12;
// How long corpus statistics are trusted before the fingerprint is checked again (another
// replica may have synced); changes made through this process drop them at once.
const STATS_CHECK_MS = 5_000;

export interface RetrieverDeps {
  /** Where corpus statistics are read from: every chunk, in Postgres. */
  chunks: Pick<ChunkRepo, 'eachBatch' | 'fingerprint'>;
  /** The configured index (Meilisearch or Postgres). */
  index: SearchIndex;
  /** Postgres full-text search, asked when the configured index fails; absent when they are the same. */
  fallback?: SearchIndex;
  onFallback?: (error: unknown) => void;
}

/**
 * Retrieval: the backend supplies candidates, Baton ranks them (ranking.ts) with rarity measured
 * over every passage, so the order is the same on Postgres and Meilisearch.
 */
export class Retriever {
  #stats: { checkedAt: number; fingerprint: string; stats: CorpusStats } | undefined;
  #building: Promise<CorpusStats> | undefined;
  /** Bumped by every change to the passages made here, so statistics read before it are not kept. */
  #generation = 0;

  constructor(private readonly deps: RetrieverDeps) {}

  /**
   * The passages that best answer a question: the best passage of each of the best pages first
   * (distinct pages), then more passages of those pages. The backend supplies candidates for the
   * rarest terms; Baton ranks them (BM25F over title, headings and text), so the order is the
   * same on Postgres and Meilisearch.
   */
  async search(question: string, opts: { limit?: number; language?: string } = {}): Promise<SearchResult> {
    const first = await this.#search(question, opts, await this.corpusStats());
    if (!first.stale) return first.result;
    // A candidate holds a word the statistics say no passage has: another replica (or process)
    // changed the passages since they were read. Read them again rather than rank on stale ones.
    this.passagesChanged();
    return (await this.#search(question, opts, await this.corpusStats())).result;
  }

  async #search(question: string, opts: { limit?: number; language?: string }, stats: CorpusStats): Promise<{ result: SearchResult; stale: boolean }> {
    const words = toSearchTerms(question, opts.language, MAX_RANKED_TERMS);
    const query = queryTermsOf(words.terms, words.language, stats);
    // Rarest known words first; words the statistics do not know last (they may be new content).
    const sent = [...query.filter((t) => t.df > 0), ...query.filter((t) => t.df === 0)].slice(0, BACKEND_TERMS);
    const limit = opts.limit ?? 5;
    const base = { question, language: words.language, terms: words.terms, query, contentLanguage: stats.languages[0], passages: stats.passages };
    const backendQuery = { terms: sent.map((t) => t.word), weights: sent.map((t) => t.idf), variants: sent.map((t) => t.variants), text: question, language: words.language, limit: Math.max(limit, CANDIDATE_POOL) };
    const rank = (hits: SearchHit[]) => {
      const ranked = rankPassages(hits.map((h) => h.chunk), query, stats);
      const pages = preferTitlesQuoted(groupByPage(ranked, query, stats), question);
      return { pages, hits: distinctPagesFirst(pages, limit) };
    };
    const staleFor = (pages: RankedPage[]) => pages.some((p) => p.passages.some((r) => r.matched.some((i) => query[i]!.df === 0)));
    if (!sent.length) return { result: { ...base, backend: this.deps.index.backend, fellBack: false, hits: [], pages: [] }, stale: false };
    try {
      const ranked = rank(await this.deps.index.search(backendQuery));
      return { result: { ...base, backend: this.deps.index.backend, fellBack: false, ...ranked }, stale: staleFor(ranked.pages) };
    } catch (error) {
      if (!this.deps.fallback) throw error;
      // Postgres holds every chunk, so it can always answer while the configured index is down.
      this.deps.onFallback?.(error);
      const ranked = rank(await this.deps.fallback.search(backendQuery));
      return { result: { ...base, backend: this.deps.fallback.backend, fellBack: true, ...ranked }, stale: staleFor(ranked.pages) };
    }
  }

  /**
   * How rare each term is across every passage, built from Postgres (the source of truth) and
   * kept until the passages change: here at once, on another replica within STATS_CHECK_MS.
   */
  async corpusStats(): Promise<CorpusStats> {
    const cached = this.#stats;
    if (cached && Date.now() - cached.checkedAt < STATS_CHECK_MS) return cached.stats;
    if (this.#building) return this.#building;
    const generation = this.#generation;
    const building = (async () => {
      const fingerprint = await this.deps.chunks.fingerprint();
      if (cached && cached.fingerprint === fingerprint) {
        cached.checkedAt = Date.now();
        return cached.stats;
      }
      const builder = new CorpusStatsBuilder();
      await this.deps.chunks.eachBatch(1000, async (batch) => batch.forEach((c) => builder.add(c)));
      const stats = builder.finish();
      if (generation === this.#generation) this.#stats = { checkedAt: Date.now(), fingerprint, stats };
      return stats;
    })().finally(() => {
      if (this.#building === building) this.#building = undefined;
    });
    this.#building = building;
    return building;
  }

  /** The passages changed (here): statistics read before are not kept. */
  passagesChanged(): void {
    this.#generation++;
    this.#stats = undefined;
    this.#building = undefined;
  }
}
