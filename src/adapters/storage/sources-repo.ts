import type { Source, SourceKind, SourceStatus } from '../../services/knowledge/types.js';
import type { SourceRepo } from '../../services/ports.js';
import { isUuid, type Conn } from './db.js';

interface SourceRow {
  id: string;
  kind: SourceKind;
  name: string;
  settings: Record<string, unknown>;
  status: SourceStatus;
  last_synced_at: Date | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  chunk_count?: number;
}

const toSource = (r: SourceRow): Source => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  settings: r.settings,
  status: r.status,
  lastSyncedAt: r.last_synced_at,
  lastError: r.last_error,
  chunkCount: r.chunk_count ?? 0,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SourcesRepo implements SourceRepo {
  constructor(private readonly db: Conn) {}

  #withCounts() {
    return this.db('sources as s')
      .select('s.*', this.db.raw('(select count(*)::int from chunks c where c.source_id = s.id) as chunk_count'));
  }

  async list() {
    const rows = (await this.#withCounts().orderBy([{ column: 's.kind' }, { column: 's.created_at', order: 'desc' }])) as SourceRow[];
    return rows.map(toSource);
  }

  async settingsOfKind(kind: SourceKind) {
    const rows = (await this.db('sources').select('settings').where({ kind })) as { settings: Record<string, unknown> }[];
    return rows.map((r) => r.settings);
  }

  async findById(id: string) {
    if (!isUuid(id)) return undefined;
    const row = (await this.#withCounts().where('s.id', id).first()) as SourceRow | undefined;
    return row ? toSource(row) : undefined;
  }

  async insert(source: { kind: SourceKind; name: string; settings: Record<string, unknown> }) {
    const [row] = await this.db<SourceRow>('sources').insert({ kind: source.kind, name: source.name, settings: source.settings }).returning('*');
    return toSource(row as SourceRow);
  }

  async update(id: string, patch: Partial<Pick<Source, 'name' | 'settings' | 'status' | 'lastSyncedAt' | 'lastError'>>) {
    if (!isUuid(id)) return undefined;
    const changes: Record<string, unknown> = { updated_at: this.db.fn.now() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.settings !== undefined) changes.settings = patch.settings;
    if (patch.status !== undefined) changes.status = patch.status;
    if (patch.lastSyncedAt !== undefined) changes.last_synced_at = patch.lastSyncedAt;
    if (patch.lastError !== undefined) changes.last_error = patch.lastError;
    const [row] = await this.db('sources').where({ id }).update(changes).returning('id');
    return row ? this.findById(id) : undefined;
  }

  async delete(id: string) {
    if (!isUuid(id)) return false;
    return (await this.db('sources').where({ id }).delete()) === 1;
  }
}
