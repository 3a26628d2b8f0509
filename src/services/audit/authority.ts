import { ForbiddenError } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import type { AuditAction, AuditActor } from './types.js';

/** Who may take an action: admins only, or any active teammate. */
export type Permission = 'admin' | 'teammate';

/**
 * Every state-changing action a teammate can take outside a conversation, and who may take it.
 * (A conversation's own actions, claiming, replying, resolving, are in its history instead.)
 * Adding an action here is the only way to perform it, so it cannot be added unchecked or
 * unrecorded.
 */
export const PERMISSIONS = {
  'team.invited': 'admin',
  'team.invite_revoked': 'admin',
  'team.role_changed': 'admin',
  'team.deactivated': 'admin',
  'team.reactivated': 'admin',
  'team.two_factor_reset': 'admin',
  'settings.changed': 'admin',
  'knowledge.added': 'admin',
  'knowledge.changed': 'admin',
  'knowledge.deleted': 'admin',
  'knowledge.sync_requested': 'admin',
  'knowledge.saved_from_reply': 'teammate',
  'knowledge.page_excluded': 'admin',
  'knowledge.page_reread': 'admin',
  'saved_reply.saved': 'teammate',
  'saved_reply.deleted': 'teammate',
  'email.test_sent': 'admin',
  'email.retried': 'admin',
  'visitor.looked_up': 'admin',
  'visitor.exported': 'admin',
  'visitor.erased': 'admin',
  'integration.added': 'admin',
  'integration.changed': 'admin',
  'integration.deleted': 'admin',
  'integration.secret_rotated': 'admin',
  'integration.tested': 'admin',
  'integration.resent': 'admin',
  'token.created': 'teammate',
  'token.revoked': 'teammate',
} as const satisfies Partial<Record<AuditAction, Permission>>;

export type GuardedAction = keyof typeof PERMISSIONS;

/** What the audit entry says about an action that happened. */
export interface ActionRecord {
  /** What it was done to, readable: a source's name, a settings page, a masked address. */
  target?: string | null;
  details?: Record<string, unknown>;
}

const NOT_ALLOWED: Record<Permission, string> = {
  admin: 'Only admins can do this.',
  teammate: 'Only active teammates can do this.',
};

/**
 * The one place a teammate's action passes: it checks who may take it, runs it, and writes a
 * readable entry in the audit log. The command line and scheduled jobs may take every action
 * (whoever runs them has the server); a deactivated teammate may take none.
 */
export class Authority {
  constructor(private readonly deps: { audit: Pick<AuditLog, 'record'> }) {}

  may(actor: AuditActor, action: GuardedAction): boolean {
    if (actor === 'cli' || actor === 'system') return true;
    if (!actor.active) return false;
    return PERMISSIONS[action] === 'teammate' || actor.role === 'admin';
  }

  /** Refuses before anything happens, for checks that come ahead of work done elsewhere. */
  check(actor: AuditActor, action: GuardedAction): void {
    if (!this.may(actor, action)) throw new ForbiddenError(NOT_ALLOWED[PERMISSIONS[action]]);
  }

  /**
   * Runs `work` if `actor` may take `action`, then records it as `describe` says (null: it
   * changed nothing, so there is nothing to record). Recording is part of the action: if the
   * entry cannot be written, the caller hears of it.
   */
  async perform<T>(actor: AuditActor, action: GuardedAction, work: () => Promise<T>, describe: (result: T) => ActionRecord | null, ctx: { ip?: string | null } = {}): Promise<T> {
    this.check(actor, action);
    const result = await work();
    const record = describe(result);
    if (!record) return result;
    const { target, details } = record;
    await this.deps.audit.record({ action, actor, ip: ctx.ip ?? null, target: target ?? null, details: details ?? {} });
    return result;
  }
}

const MAX_VALUE_CHARS = 200;
const short = (v: unknown): unknown => {
  if (typeof v === 'string') return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
  if (v === undefined) return null;
  const json = JSON.stringify(v);
  return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS)}…` : v;
};

/**
 * What changed between two versions of some settings, field by field ({ field: { from, to } }),
 * long values cut: the audit log says what an admin changed, not what the form sent.
 * `secret` fields are named but their values are not kept.
 */
export function changes(before: object | undefined, after: object, opts: { secret?: string[] } = {}): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    out[key] = opts.secret?.includes(key) ? { from: '(hidden)', to: '(hidden)' } : { from: short(a[key]), to: short(b[key]) };
  }
  return out;
}
