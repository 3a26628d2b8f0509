import type { Knex } from 'knex';
import type { AuditAction, AuditEvent, AuditQuery } from '../../services/audit/types.js';
import type { AuditRepo } from '../../services/ports.js';

interface AuditRow {
  id: string;
  action: AuditAction;
  actor_id: string | null;
  actor: string;
  ip: string | null;
  target: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

export class AuditEventsRepo implements AuditRepo {
  constructor(private readonly db: Knex) {}

  async insert(e: { action: AuditAction; actorId: string | null; actor: string; ip: string | null; target: string | null; details: Record<string, unknown> }) {
    await this.db('audit_events').insert({ action: e.action, actor_id: e.actorId, actor: e.actor, ip: e.ip, target: e.target, details: JSON.stringify(e.details) });
  }

  async list(q: AuditQuery): Promise<AuditEvent[]> {
    // The teammate's name as it is now, for sentences ("Ada changed…"); the stored address stays
    // the record of who it was.
    const query = this.db('audit_events as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select<(AuditRow & { actor_name: string | null })[]>('a.*', 'u.name as actor_name')
      .orderBy('a.id', 'desc')
      .limit(q.limit);
    if (q.action) void query.where('a.action', q.action);
    if (q.before && /^\d+$/.test(q.before)) void query.where('a.id', '<', q.before);
    const rows = await query;
    return rows.map((r) => ({ id: String(r.id), action: r.action, actorId: r.actor_id, actor: r.actor, actorName: r.actor_name ?? null, ip: r.ip, target: r.target, details: r.details, createdAt: r.created_at }));
  }
}
