import type { SyncRun, SyncStatus, SyncTrigger } from '../../services/knowledge/types.js';
import type { SyncProgress, SyncRunRepo } from '../../services/ports.js';
import { isUuid, type Conn } from './db.js';
import { recordIntegrationEvent } from './integrations-repo.js';

interface SyncRunRow {
  id: string;
  source_id: string;
  status: SyncStatus;
  trigger: SyncTrigger;
  found: number;
  fetched: number;
  indexed: number;
  unchanged: number;
  failed: number;
  skipped: SyncRun['skipped'];
  not_reached: number;
  failures: { url: string; reason: string }[];
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toRun = (r: SyncRunRow): SyncRun => ({
  id: r.id,
  sourceId: r.source_id,
  status: r.status,
  trigger: r.trigger,
  found: r.found,
  fetched: r.fetched,
  indexed: r.indexed,
  unchanged: r.unchanged,
  failed: r.failed,
  skipped: r.skipped ?? {},
  notReached: r.not_reached ?? 0,
  failures: r.failures,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

function progressColumns(p: SyncProgress) {
  const out: Record<string, unknown> = {};
  for (const key of ['found', 'fetched', 'indexed', 'unchanged', 'failed'] as const) if (p[key] !== undefined) out[key] = p[key];
  if (p.failures !== undefined) out.failures = JSON.stringify(p.failures);
  if (p.skipped !== undefined) out.skipped = JSON.stringify(p.skipped);
  if (p.notReached !== undefined) out.not_reached = p.notReached;
  return out;
}

export class SyncRunsRepo implements SyncRunRepo {
  constructor(private readonly db: Conn) {}

  async enqueue(sourceId: string, trigger: SyncTrigger) {
    // The partial unique index allows one queued or running run per source; a second request
    // finds the active one instead of queuing a duplicate.
    const inserted = (await this.db.raw(
      `insert into sync_runs (source_id, trigger) values (?, ?)
       on conflict (source_id) where status in ('queued', 'running') do nothing
       returning *`,
      [sourceId, trigger],
    )) as { rows: SyncRunRow[] };
    if (inserted.rows[0]) return toRun(inserted.rows[0]);
    const active = (await this.db('sync_runs').where({ source_id: sourceId }).whereIn('status', ['queued', 'running']).first()) as SyncRunRow;
    return toRun(active);
  }

  async claimNext(staleMs: number) {
    const claimed = (await this.db.raw(
      `update sync_runs set status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
       where id = (
         select id from sync_runs
         where status = 'queued' or (status = 'running' and heartbeat_at < now() - (? * interval '1 millisecond'))
         order by created_at
         for update skip locked
         limit 1)
       returning *`,
      [staleMs],
    )) as { rows: SyncRunRow[] };
    return claimed.rows[0] ? toRun(claimed.rows[0]) : undefined;
  }

  async progress(id: string, progress: SyncProgress) {
    await this.db('sync_runs').where({ id }).update({ ...progressColumns(progress), heartbeat_at: this.db.fn.now() });
  }

  async finish(id: string, outcome: { status: 'succeeded' | 'failed'; error?: string } & SyncProgress) {
    const { status, error, ...progress } = outcome;
    await this.db.transaction(async (trx) => {
      await trx('sync_runs')
        .where({ id })
        .update({ ...progressColumns(progress), status, error: error ?? null, finished_at: trx.fn.now(), heartbeat_at: trx.fn.now() });
      await recordIntegrationEvent(trx, { type: 'knowledge.sync_finished', syncRunId: id });
    });
  }

  async requeue(id: string) {
    await this.db('sync_runs').where({ id, status: 'running' }).update({ status: 'queued', heartbeat_at: null });
  }

  async findById(id: string) {
    if (!isUuid(id)) return undefined;
    const row = (await this.db('sync_runs').where({ id }).first()) as SyncRunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  async latestFor(sourceId: string) {
    const row = (await this.db('sync_runs').where({ source_id: sourceId }).orderBy('created_at', 'desc').first()) as SyncRunRow | undefined;
    return row ? toRun(row) : undefined;
  }
}
