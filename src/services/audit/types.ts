import type { User } from '../team/types.js';

/** What the audit log records. Add an action here and the log page learns its label too. */
export const AUDIT_ACTIONS = {
  'login.succeeded': 'Signed in',
  'login.failed': 'Sign-in failed',
  'login.locked': 'Account locked after failed sign-ins',
  'password.reset': 'Password reset by email',
  'password.changed': 'Password changed',
  'two_factor.enabled': 'Turned on two-factor sign-in',
  'two_factor.disabled': 'Turned off two-factor sign-in',
  'two_factor.recovery_codes': 'Made new recovery codes',
  'two_factor.recovery_used': 'Signed in with a recovery code',
  'email.changed': 'Sign-in email changed',
  'team.invited': 'Invited a teammate',
  'team.joined': 'Accepted an invitation',
  'team.role_changed': 'Changed a role',
  'team.deactivated': 'Deactivated a teammate',
  'team.reactivated': 'Reactivated a teammate',
  'team.invite_revoked': 'Withdrew an invitation',
  'team.two_factor_reset': "Reset a teammate's two-factor sign-in",
  'settings.changed': 'Changed settings',
  'knowledge.added': 'Added knowledge',
  'knowledge.changed': 'Changed knowledge',
  'knowledge.deleted': 'Deleted knowledge',
  'knowledge.sync_requested': 'Asked for a sync',
  'knowledge.saved_from_reply': 'Saved a reply as knowledge',
  'knowledge.page_excluded': 'Excluded a page from a website',
  'knowledge.page_reread': 'Re-read a page of a website',
  'email.test_sent': 'Sent a test email',
  'saved_reply.saved': 'Saved a reply for the team',
  'saved_reply.deleted': 'Deleted a saved reply',
  'email.retried': 'Retried a failed email',
  'visitor.looked_up': "Looked up a visitor's data",
  'visitor.exported': "Exported a visitor's data",
  'visitor.erased': "Erased a visitor's data",
  'retention.purged': 'Deleted data past its retention period',
  'integration.added': 'Added an integration',
  'integration.changed': 'Changed an integration',
  'integration.deleted': 'Deleted an integration',
  'integration.secret_rotated': "Replaced a webhook's signing secret",
  'integration.tested': 'Sent a test to an integration',
  'integration.resent': 'Sent a delivery again',
  'token.created': 'Made a personal access token',
  'token.revoked': 'Revoked a personal access token',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Who acted: a teammate, the `baton` command line, or a scheduled job. */
export type AuditActor = User | 'cli' | 'system';

/** A sign-in attempt names an address that may have no account behind it. */
export type AuditSubject = AuditActor | { email: string };

export interface NewAuditEvent {
  action: AuditAction;
  actor: AuditSubject;
  ip?: string | null;
  /** What it was done to: a teammate's email, a settings page, a masked visitor address. */
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actor: string;
  /** The teammate's current name, when the actor is a teammate. */
  actorName?: string | null;
  ip: string | null;
  target: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditQuery {
  action?: AuditAction;
  /** Rows older than this id: the next page. */
  before?: string;
  limit: number;
}

/** "ada@example.com" → "a**@example.com": enough to recognise, not enough to contact. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}${'*'.repeat(Math.min(Math.max(at - 1, 2), 6))}${email.slice(at)}`;
}
