import { ForbiddenError } from '../errors.js';
import type { AuditRepo } from '../ports.js';
import type { User } from '../team/types.js';
import type { AuditEvent, AuditQuery, AuditSubject, NewAuditEvent } from './types.js';
import { requestContext } from '../../lib/request-context.js';

function who(actor: AuditSubject): { actorId: string | null; actor: string } {
  if (actor === 'cli' || actor === 'system') return { actorId: null, actor };
  if ('id' in actor) return { actorId: actor.id, actor: actor.email };
  return { actorId: null, actor: actor.email };
}

/**
 * The audit log: who signed in, changed a role or a setting, exported or erased a visitor's data,
 * and what retention deleted. Recording is part of the action: if the row cannot be written, the
 * action reports the failure rather than happening unrecorded.
 */
export class AuditLog {
  constructor(private readonly deps: { repo: AuditRepo }) {}

  async record(event: NewAuditEvent): Promise<void> {
    // The request the action came in on, when there is one: its address, and a token's name.
    const request = requestContext();
    const details = { ...(event.details ?? {}), ...(request?.via ? { token: request.via } : {}) };
    await this.deps.repo.insert({ action: event.action, ...who(event.actor), ip: event.ip ?? request?.ip ?? null, target: event.target ?? null, details });
  }

  /** Admins only: the log says who looked at which visitor's data. */
  async list(viewer: User, query: AuditQuery): Promise<AuditEvent[]> {
    if (viewer.role !== 'admin') throw new ForbiddenError('Only admins can read the audit log.');
    return this.deps.repo.list({ ...query, limit: Math.min(Math.max(query.limit, 1), 200) });
  }
}
