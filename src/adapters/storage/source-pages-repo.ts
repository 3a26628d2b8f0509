import type { PageStatus, SourcePage } from '../../services/knowledge/types.js';
import type { SourcePageRepo } from '../../services/ports.js';
import type { Conn } from './db.js';

interface SourcePageRow {
  url: string;
  status: PageStatus;
  reason: string | null;
  title: string | null;
  checked_at: Date;
}

const toPage = (r: SourcePageRow): SourcePage => ({ url: r.url, status: r.status, reason: r.reason, title: r.title, checkedAt: r.checked_at });
const FILTERS = { indexed: ['indexed', 'unchanged'], not_indexed: ['skipped', 'failed'] } as const;

export class SourcePagesRepo implements SourcePageRepo {
  constructor(private readonly db: Conn) {}

  async replaceForSource(sourceId: string, pages: Omit<SourcePage, 'checkedAt'>[], at: Date) {
    await this.db.transaction(async (trx) => {
      await trx('source_pages').where({ source_id: sourceId }).delete();
      for (let i = 0; i < pages.length; i += 500) {
        await trx('source_pages')
          .insert(pages.slice(i, i + 500).map((p) => ({ source_id: sourceId, url: p.url, status: p.status, reason: p.reason, title: p.title, checked_at: at })))
          // The same URL twice in one sync (a page and then its redirect): the last word counts.
          .onConflict(['source_id', 'url'])
          .merge();
      }
    });
  }

  async list(sourceId: string, opts: { filter?: 'indexed' | 'not_indexed'; q?: string; offset: number; limit: number }) {
    const query = this.db('source_pages').where({ source_id: sourceId });
    if (opts.filter) query.whereIn('status', [...FILTERS[opts.filter]]);
    // A plain substring of the address or title, whatever characters the admin types.
    const q = opts.q;
    if (q) query.where((w) => w.whereRaw('strpos(lower(url), lower(?)) > 0', [q]).orWhereRaw("strpos(lower(coalesce(title, '')), lower(?)) > 0", [q]));
    const total = Number(((await query.clone().count('* as n').first()) as { n: string | number } | undefined)?.n ?? 0);
    const rows = (await query.select('url', 'status', 'reason', 'title', 'checked_at').orderBy('url').offset(opts.offset).limit(opts.limit)) as SourcePageRow[];
    return { pages: rows.map(toPage), total };
  }

  async find(sourceId: string, url: string) {
    const row = (await this.db('source_pages').where({ source_id: sourceId, url }).first()) as SourcePageRow | undefined;
    return row ? toPage(row) : undefined;
  }

  async update(sourceId: string, url: string, patch: Pick<SourcePage, 'status' | 'reason'> & { title?: string | null }, at: Date) {
    await this.db('source_pages')
      .where({ source_id: sourceId, url })
      .update({ status: patch.status, reason: patch.reason, ...(patch.title !== undefined ? { title: patch.title } : {}), checked_at: at });
  }
}
