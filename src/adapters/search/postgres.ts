import { pgSearchConfig } from '../../lib/language.js';
import type { SearchHit } from '../../services/knowledge/types.js';
import type { HealthCheck, SearchIndex, SearchQuery } from '../../services/ports.js';
import { CHUNK_COLUMNS, toChunk } from '../storage/chunks-repo.js';
import type { Db } from '../storage/db.js';

/** One term's variants as a tsquery of exact lexemes ('a' | 'b'), quoted; empty for none. */
function lexemeQuery(variants: string[]): string {
  return [...new Set(variants.filter(Boolean))].map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}

/**
 * Postgres full-text search over the chunks table itself: each row carries a tsvector weighted
 * title (A) > headings (B) > body (C), behind a GIN index, written by ChunksRepo in the same
 * statement as the row. So upsert and deleteBySource have nothing left to do here, and this index
 * is always exactly as current as the source of truth (which is why Baton can fall back to it).
 */
export class PostgresSearchIndex implements SearchIndex {
  readonly backend = 'postgres' as const;
  #configs: { at: number; list: string[] } | undefined;

  constructor(
    private readonly db: Db,
    private readonly database: HealthCheck,
  ) {}

  async prepare() {}

  async upsert() {}

  async deleteBySource() {}

  async deleteByIds() {}

  /** The text-search configurations present in the corpus, re-read at most every 30 s. */
  async #corpusConfigs(): Promise<string[]> {
    if (!this.#configs || Date.now() - this.#configs.at > 30_000) {
      const rows = (await this.db('chunks').distinct(this.db.raw('search_config::text as config'))) as { config: string }[];
      this.#configs = { at: Date.now(), list: rows.map((r) => r.config) };
    }
    return this.#configs.list;
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (!query.terms.length) return [];
    // Parse with the visitor's language and with every language the content is in, so a German
    // question still meets English pages on the words they share.
    const configs = [...new Set([pgSearchConfig(query.language), ...(await this.#corpusConfigs())])];
    const terms = query.terms.map((t) => t.replace(/["()]/g, ' '));
    const weights = terms.map((_, i) => query.weights?.[i] ?? 1);
    // One tsquery per term; a chunk is a candidate when it holds any of them, and candidates come
    // in order of the summed weights (rarity) of the terms they hold: a coordination score that,
    // unlike ts_rank, prefers one rare term to three common ones. Given words without their index
    // terms (variants), Postgres parses them and ts_rank breaks ties.
    // Measured at 10,000 chunks of real documentation prose: see `npm run bench`.
    const termQuery = () => `(${configs.map(() => 'websearch_to_tsquery(?::regconfig, ?)').join(' || ')})`;
    const columns = terms.map((_, i) => `${termQuery()} as t${i}`).join(', ');
    const bindings = terms.flatMap((t) => configs.flatMap((c) => [c, t]));
    const any = terms.map((_, i) => `q.t${i}`).join(' || ');
    // Each term with its weight, as a query of its exact lexemes (terms without any dropped).
    const lexemes = query.variants?.length === terms.length ? query.variants.map((v, i) => ({ q: lexemeQuery(v), weight: weights[i]! })).filter((t) => t.q) : [];
    // With the index terms Baton's ranking uses (the chunks' `terms` tsvector, made from those
    // terms and GIN-indexed), the candidates are exactly the passages holding them: Postgres's
    // own parser keeps paths, URLs and versions whole ("config/settings.yml") and stems a little
    // differently. Which passages make the cut is decided by that score and, among passages
    // holding the same terms, by fewer distinct terms (they make more of them, as BM25's length
    // normalisation has it), read from the tsvector the match already reads. ts_rank, which
    // knows how often each word occurs, orders only the passages kept rather than every match (it
    // reads a second tsvector per row).
    // The candidates are chosen by id and score alone, then read whole: sorting thousands of
    // matches with their text was most of the query's time.
    const rows = lexemes.length
      ? await this.db
          .with('q', this.db.raw(`select ${columns}`, bindings))
          .with(
            'top',
            this.db
              .select('chunks.id', 'chunks.position', this.db.raw(`(${lexemes.map(() => '?::float8 * (chunks.terms @@ ?::tsquery)::int').join(' + ')}) as score`, lexemes.flatMap((t) => [t.weight, t.q])), this.db.raw('length(chunks.terms) as size'))
              .from('chunks')
              .whereRaw('chunks.terms @@ ?::tsquery', [lexemes.map((t) => t.q).join(' | ')])
              .orderBy([{ column: 'score', order: 'desc' }, { column: 'size' }, { column: 'chunks.position' }])
              .limit(query.limit),
          )
          .select(...CHUNK_COLUMNS.map((c) => `chunks.${c}`), 'top.score')
          .from('top')
          .join('chunks', 'chunks.id', 'top.id')
          .crossJoin('q' as never)
          .orderByRaw(`top.score desc, ts_rank(chunks.tsv, ${any}, 1) desc, top.size, top.position`)
      : await this.db
          .with('q', this.db.raw(`select ${columns}`, bindings))
          .select(...CHUNK_COLUMNS.map((c) => `chunks.${c}`), this.db.raw(`(${terms.map((_, i) => `?::float8 * (chunks.tsv @@ q.t${i})::int`).join(' + ')}) + ts_rank(chunks.tsv, ${any}, 1) / 100 as score`, weights))
          .from('chunks')
          .crossJoin('q' as never)
          .whereRaw(`chunks.tsv @@ (${any})`)
          .orderBy([{ column: 'score', order: 'desc' }, { column: 'chunks.position' }])
          .limit(query.limit);
    return (rows as (Parameters<typeof toChunk>[0] & { score: number })[]).map((r) => ({ chunk: toChunk(r), score: Number(r.score) }));
  }

  health(): HealthCheck {
    return {
      name: 'search',
      check: async () => {
        const db = await this.database.check();
        return db.ok ? { ok: true, detail: 'postgres full-text search' } : { ok: false, reason: `postgres full-text search: ${db.reason}` };
      },
    };
  }
}
