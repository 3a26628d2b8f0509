import type { RequestHandler } from 'express';
import type { AuditLog } from '../../services/audit/audit-log.js';

/**
 * Under /settings, every state-changing request is a settings change, except these actions,
 * which change no setting (or are recorded by their own service). The security suite lists the
 * router's routes and checks each one is recorded or named here, so a new page cannot slip by.
 */
export const SETTINGS_ACTIONS_NOT_AUDITED = [
  '/settings/handoff/test', // tries a message against the triggers
  '/settings/email/test', // sends a test email
  '/settings/email/outbox/:id/retry', // retries a failed email
  '/settings/privacy/visitors/export', // recorded by PrivacyService as visitor.exported
  '/settings/privacy/visitors/erase', // recorded by PrivacyService as visitor.erased
] as const;

const patterns = SETTINGS_ACTIONS_NOT_AUDITED.map((p) => new RegExp(`^${p.replace(/:\w+/g, '[^/]+')}$`));
const MAX_VALUE_CHARS = 200;

/**
 * Records who changed which settings page, and what they sent (long values cut), once it
 * succeeded. The row is written before the response ends (as express-session saves a session), so
 * whoever sees the page saved can already read it in the log.
 */
export function auditSettingsChanges(audit: Pick<AuditLog, 'record'>, onError: (err: unknown) => void): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || !req.path.startsWith('/settings/') || !req.user || patterns.some((p) => p.test(req.path))) return next();
    const { _csrf: _, ...sent } = (req.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, typeof v === 'string' && v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v]));
    const actor = req.user;
    const target = req.path;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((...args: unknown[]) => {
      if (res.statusCode >= 400) return end(...args);
      audit
        .record({ action: 'settings.changed', actor, ip: req.ip, target, details: { values } })
        .catch(onError)
        .finally(() => end(...args));
      return res;
    }) as typeof res.end;
    next();
  };
}
