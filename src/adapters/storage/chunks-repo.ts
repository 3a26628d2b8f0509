import { pgSearchConfig } from '../../lib/language.js';
import type { ChunkDraft } from '../../services/knowledge/chunking.js';
import { indexTermsOf } from '../../services/knowledge/ranking.js';
import type { Chunk } from '../../services/knowledge/types.js';
import type { ChunkRepo } from '../../services/ports.js';
import type { Knex } from 'knex';
import type { Conn, Db } from './db.js';

interface ChunkRow {
  id: string;
  source_id: string;
  url: string;
  title: string;
  heading_path: string[];
  page: number | null;
  language: string;
  text: string;
  position: number;
}

export const CHUNK_COLUMNS = ['id', 'source_id', 'url', 'title', 'heading_path', 'page', 'language', 'text', 'position'] as const;

export const toChunk = (r: ChunkRow): Chunk => ({
  id: r.id,
  sourceId: r.source_id,
  url: r.url,
  title: r.title,
  headingPath: r.heading_path,
  page: r.page,
  language: r.language,
  text: r.text,
  position: r.position,
});

// Rows per INSERT: well under Postgres's 65535 bind parameters at 13 per row.
const INSERT_BATCH = 500;

export class ChunksRepo implements ChunkRepo {
  constructor(private readonly db: Db | Conn) {}

  /** One chunk as a row, with its search vectors computed by Postgres in the same statement. */
  #row(trx: Conn, sourceId: string, c: ChunkDraft, position: number) {
    const config = pgSearchConfig(c.language);
    return {
      source_id: sourceId,
      url: c.url,
      title: c.title,
      heading_path: c.headingPath,
      page: c.page,
      language: c.language,
      text: c.text,
      position,
      search_config: config,
      terms: trx.raw('array_to_tsvector(?::text[])', [indexTermsOf(c)]),
      tsv: trx.raw(
        "setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B') || setweight(to_tsvector(?::regconfig, ?), 'C')",
        [config, c.title, config, c.headingPath.join(' '), config, c.text],
      ),
    };
  }

  async replaceForSource(sourceId: string, chunks: ChunkDraft[]): Promise<Chunk[]> {
    const write = async (trx: Conn) => {
      await trx('chunks').where({ source_id: sourceId }).delete();
      const out: Chunk[] = [];
      for (let i = 0; i < chunks.length; i += INSERT_BATCH) {
        const rows = chunks.slice(i, i + INSERT_BATCH).map((c, j) => this.#row(trx, sourceId, c, i + j));
        const inserted = await trx('chunks').insert(rows).returning([...CHUNK_COLUMNS]);
        out.push(...(inserted as ChunkRow[]).map(toChunk));
      }
      return out;
    };
    // Already inside a caller's transaction: write there; otherwise open one, so readers never
    // see a source with its old chunks deleted and the new ones not yet in.
    return (this.db as Knex.Transaction).isTransaction ? write(this.db) : (this.db as Db).transaction(write);
  }

  async replaceForUrl(sourceId: string, url: string, chunks: ChunkDraft[]): Promise<{ removed: string[]; added: Chunk[] }> {
    const write = async (trx: Conn) => {
      // The page and its #sections; compared by prefix, not LIKE, so no character in a URL is a wildcard.
      const old = (await trx('chunks')
        .where({ source_id: sourceId })
        .andWhere((w) => w.where({ url }).orWhereRaw('left(url, ?) = ?', [url.length + 1, `${url}#`]))
        .delete()
        .returning(['id'])) as { id: string }[];
      const last = (await trx('chunks').where({ source_id: sourceId }).max('position as p').first()) as { p: number | null } | undefined;
      const added: Chunk[] = [];
      for (let i = 0; i < chunks.length; i += INSERT_BATCH) {
        const inserted = await trx('chunks').insert(chunks.slice(i, i + INSERT_BATCH).map((c, j) => this.#row(trx, sourceId, c, (last?.p ?? -1) + 1 + i + j))).returning([...CHUNK_COLUMNS]);
        added.push(...(inserted as ChunkRow[]).map(toChunk));
      }
      return { removed: old.map((r) => r.id), added };
    };
    return (this.db as Knex.Transaction).isTransaction ? write(this.db) : (this.db as Db).transaction(write);
  }

  async listForSource(sourceId: string) {
    const rows = (await this.db<ChunkRow>('chunks').select(...CHUNK_COLUMNS).where({ source_id: sourceId }).orderBy('position')) as ChunkRow[];
    return rows.map(toChunk);
  }

  async eachBatch(size: number, visit: (chunks: Chunk[]) => Promise<void>) {
    let after: { source_id: string; position: number } | undefined;
    for (;;) {
      const q = this.db<ChunkRow>('chunks').select(...CHUNK_COLUMNS).orderBy([{ column: 'source_id' }, { column: 'position' }]).limit(size);
      if (after) q.whereRaw('(source_id, position) > (?, ?)', [after.source_id, after.position]);
      const rows = (await q) as ChunkRow[];
      if (!rows.length) return;
      await visit(rows.map(toChunk));
      const last = rows[rows.length - 1]!;
      after = { source_id: last.source_id, position: last.position };
    }
  }

  async fingerprint() {
    // As text: the column has microseconds, a Date only milliseconds.
    const row = (await this.db('chunks').select(this.db.raw('count(*)::int as n, max(created_at)::text as latest')).first()) as { n: number; latest: string | null };
    return `${row.n}:${row.latest ?? ''}`;
  }

  async count() {
    const row = await this.db('chunks').count<{ count: number }[]>('* as count').first();
    return row?.count ?? 0;
  }
}
