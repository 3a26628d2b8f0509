import type { AuditAction, AuditEvent } from './types.js';

/**
 * An audit entry as a sentence a person reads ("Ada changed the support hours") with what
 * changed in words ("Monday: 09:00-17:00 → 08:00-18:00"), rather than action names and JSON.
 */
export interface AuditLine {
  sentence: string;
  changes: string[];
}

const SETTINGS: Record<string, string> = {
  'Support hours': 'the support hours',
  Widget: 'the widget settings',
  'Handoff: rules': 'the handoff rules',
  'Handoff: sensitive topics': 'the sensitive topics',
  Promises: 'what visitors are promised',
  Privacy: 'the privacy settings',
  'Two-factor sign-in': 'the two-factor requirement',
  Organisation: 'the organisation settings',
};

const quoted = (t: string) => `“${t}”`;
const KIND_WORDS: Record<string, string> = { webhook: 'webhook', slack: 'Slack alerts', teams: 'Teams alerts' };

/** What was done, after the name of who did it. `t` is the entry's target. */
const PHRASES: Record<AuditAction, (t: string, d: Record<string, unknown>) => string> = {
  'login.succeeded': () => 'signed in',
  'login.failed': () => 'failed to sign in',
  'login.locked': () => 'was locked out after too many failed sign-ins',
  'password.reset': () => 'reset their password by email',
  'password.changed': () => 'changed their password',
  'two_factor.enabled': () => 'turned on two-factor sign-in',
  'two_factor.disabled': () => 'turned off two-factor sign-in',
  'two_factor.recovery_codes': () => 'made new recovery codes',
  'two_factor.recovery_used': () => 'signed in with a recovery code',
  'email.changed': (t) => (t ? `changed their sign-in email to ${t}` : 'changed their sign-in email'),
  'team.invited': (t) => `invited ${t}`,
  'team.joined': () => 'accepted an invitation and joined the team',
  'team.role_changed': (t) => `changed the role of ${t}`,
  'team.deactivated': (t) => `deactivated ${t}`,
  'team.reactivated': (t) => `reactivated ${t}`,
  'team.invite_revoked': (t) => `withdrew the invitation to ${t}`,
  'team.two_factor_reset': (t) => `reset the two-factor sign-in of ${t}`,
  'settings.changed': (t) => `changed ${SETTINGS[t] ?? (t ? `the ${t} settings` : 'the settings')}`,
  'knowledge.added': (t, d) => (d.kind === 'website' ? `added the website ${t}` : d.kind === 'file' ? `uploaded ${t}` : `added the Q&A snippet ${quoted(t)}`),
  'knowledge.changed': (t) => `changed ${t}`,
  'knowledge.deleted': (t, d) => (d.kind === 'snippet' ? `deleted the Q&A snippet ${quoted(t)}` : `deleted ${t}`),
  'knowledge.sync_requested': (t) => `asked for a sync of ${t}`,
  'knowledge.saved_from_reply': (t) => `saved a reply as the Q&A snippet ${quoted(t)}`,
  'knowledge.page_excluded': (t) => `excluded a page of ${t}`,
  'knowledge.page_reread': (t) => `re-read a page of ${t}`,
  'email.test_sent': (t) => `sent a test email to ${t}`,
  'saved_reply.saved': (t) => `saved the reply ${t}`,
  'saved_reply.deleted': (t) => `deleted the saved reply ${t}`,
  'email.retried': (t) => `retried a failed email${t ? ` (${t})` : ''}`,
  'visitor.looked_up': (t) => `looked up the data of the visitor ${t}`,
  'visitor.exported': (t) => `exported the data of the visitor ${t}`,
  'visitor.erased': (t) => `erased the data of the visitor ${t}`,
  'retention.purged': () => 'deleted data past its retention period',
  'integration.added': (t, d) => `added the ${KIND_WORDS[String(d.kind)] ?? 'integration'} ${quoted(t)}`,
  'integration.changed': (t) => `changed the integration ${quoted(t)}`,
  'integration.deleted': (t) => `deleted the integration ${quoted(t)}`,
  'integration.secret_rotated': (t) => `replaced the signing secret of ${quoted(t)}`,
  'integration.tested': (t) => `sent a test to ${quoted(t)}`,
  'integration.resent': (t) => `sent a delivery to ${quoted(t)} again`,
  'token.created': (t, d) => `made the ${String(d.scope)} access token ${quoted(t)}`,
  'token.revoked': (t) => `revoked the access token ${quoted(t)}`,
};

/** Settings whose names need more than spaces to read well. */
const LABELS: Record<string, string> = {
  llmHistory: 'Conversation sent to the AI with each question',
  conversationDays: 'Conversations kept (days)',
  visitorDataDays: "Visitors' details kept (days)",
  emailRecordDays: 'Email records kept (days)',
  allowedOrigins: 'Allowed sites',
  startUrl: 'Start page',
  sitemapUrl: 'Sitemap',
  maxPages: 'Page limit',
  maxDepth: 'Link depth',
  resync: 'Read it again',
  publicUrl: 'Public address',
  timeZone: 'Time zone',
  token: 'Through the access token',
};

/** "maxReplies" → "Max replies", unless LABELS has better words. */
function label(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (v === true) return 'on';
  if (v === false) return 'off';
  if (Array.isArray(v)) return v.length ? v.map(value).join(', ') : '(none)';
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${label(k)}: ${value(x)}`).join(', ');
  return String(v);
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } => !!v && typeof v === 'object' && 'from' in v && 'to' in v;

/** Who acted, as the log shows them: a teammate by name, the command line, or Baton itself. */
export function actorOf(e: Pick<AuditEvent, 'actor' | 'actorName'>): string {
  if (e.actor === 'cli') return 'Someone at the command line';
  if (e.actor === 'system') return 'Baton';
  return e.actorName || e.actor;
}

export function describeAuditEvent(e: AuditEvent): AuditLine {
  const target = e.target ?? '';
  const phrase = PHRASES[e.action]?.(target, e.details) ?? `did “${e.action}”${target ? ` to ${target}` : ''}`;
  // The kind of knowledge is in the sentence already.
  const shown = Object.entries(e.details).filter(([k]) => !(e.action.startsWith('knowledge.') && k === 'kind'));
  const changes = shown.map(([k, v]) => (isChange(v) ? `${label(k)}: ${value(v.from)} → ${value(v.to)}` : `${label(k)}: ${value(v)}`));
  return { sentence: `${actorOf(e)} ${phrase}`, changes };
}
