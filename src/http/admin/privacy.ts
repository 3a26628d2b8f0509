import { describeAuditEvent } from '../../services/audit/describe.js';
import { Router } from 'express';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../services/audit/types.js';
import { ValidationError } from '../../services/errors.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const EmailForm = z.object({ email: z.string({ error: 'Enter an email address.' }).trim().min(1, { error: 'Enter an email address.' }).max(320) });
const EraseForm = EmailForm.extend({ confirm: z.string().trim().default('') });
const AUDIT_PAGE = 50;

/**
 * Settings › Privacy: retention and what the LLM sees; a visitor's data found by email, exported
 * as JSON or erased after typing the address again; and the audit log.
 */
export function privacyRoutes(c: { services: Pick<Container['services'], 'privacy' | 'audit'> }): Router {
  const { privacy, audit } = c.services;
  const router = Router();
  router.use(['/settings/privacy', '/settings/audit'], requireRole('admin'));

  const settingsPage = async () => {
    const s = await privacy.settings();
    return { title: 'Privacy', values: { conversationDays: s.conversationDays ?? '', visitorDataDays: s.visitorDataDays ?? '', emailRecordDays: s.emailRecordDays ?? '', llmHistory: s.llmHistory }, errors: {} };
  };

  router.get('/settings/privacy', async (_req, res) => {
    render(res, 'pages/admin/privacy', await settingsPage());
  });

  router.post('/settings/privacy', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    // The form sends "off" always and "on" too when the box is checked.
    const llmHistory = [body.llmHistory].flat().includes('on');
    await submitForm(res, 'pages/admin/privacy', { ...body, llmHistory }, async () => {
      await privacy.saveSettings(req.user as User, { conversationDays: body.conversationDays, visitorDataDays: body.visitorDataDays, emailRecordDays: body.emailRecordDays, llmHistory });
      flash(req, 'success', 'Privacy settings saved. Retention runs every night.');
      navigate(req, res, '/settings/privacy');
    }, settingsPage);
  });

  /** Find by email: what Baton holds, with export and erase. */
  router.get('/settings/privacy/visitors', (_req, res) => render(res, 'pages/admin/privacy-visitor', { title: 'Visitor data', values: {}, errors: {} }));

  // Posted, not a query string: the visitor's address stays out of URLs and the request log.
  router.post('/settings/privacy/visitors', async (req, res) => {
    const email = String((req.body as Record<string, unknown> | undefined)?.email ?? '').trim().slice(0, 320);
    if (!email) return render(res, 'pages/admin/privacy-visitor', { title: 'Visitor data', values: {}, errors: { email: 'Enter the email address the visitor gave.' } }, 422);
    await submitForm(res, 'pages/admin/privacy-visitor', { email }, async () => {
      const found = await privacy.footprint(req.user as User, email, { ip: req.ip });
      render(res, 'pages/admin/privacy-visitor', { title: 'Visitor data', values: { email }, errors: {}, searched: true, found });
    }, { title: 'Visitor data' });
  });

  router.post('/settings/privacy/visitors/export', async (req, res) => {
    const { email } = parseForm(EmailForm, req.body);
    const data = await privacy.exportVisitor(req.user as User, email, { ip: req.ip });
    const day = data.exportedAt.slice(0, 10);
    res.set('Content-Disposition', `attachment; filename="baton-visitor-export-${day}.json"`);
    res.set('Cache-Control', 'no-store');
    res.type('application/json').send(JSON.stringify(data, null, 2));
  });

  router.post('/settings/privacy/visitors/erase', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const again = async () => ({ title: 'Visitor data', searched: true, found: await privacy.footprint(req.user as User, String(body.email ?? ''), { shownAgain: true }).catch(() => undefined) });
    await submitForm(res, 'pages/admin/privacy-visitor', body, async () => {
      const { email, confirm } = parseForm(EraseForm, body);
      if (confirm.toLowerCase() !== email.toLowerCase()) throw new ValidationError('Type the email address again to confirm.', { confirm: 'Type the same email address to confirm the erasure.' });
      const erased = await privacy.eraseVisitor(req.user as User, email, { ip: req.ip });
      const parts = [`${erased.conversations} conversation(s)`, `${erased.messages} message(s)`, `${erased.emails} email(s)`, ...(erased.snippets ? [`${erased.snippets} snippet(s)`] : [])];
      flash(req, 'success', `Erased everything about that address: ${parts.join(', ')}.`);
      navigate(req, res, '/settings/privacy/visitors');
    }, again);
  });

  router.get('/settings/audit', async (req, res) => {
    const action = typeof req.query.action === 'string' && req.query.action in AUDIT_ACTIONS ? (req.query.action as AuditAction) : undefined;
    const before = typeof req.query.before === 'string' ? req.query.before : undefined;
    const events = await audit.list(req.user as User, { action, before, limit: AUDIT_PAGE + 1 });
    const more = events.length > AUDIT_PAGE;
    const shown = events.slice(0, AUDIT_PAGE);
    const next = more ? `/settings/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: shown.at(-1)!.id }).toString()}` : undefined;
    render(res, 'pages/admin/audit', { title: 'Audit log', events: shown.map((e) => ({ ...e, line: describeAuditEvent(e) })), actions: AUDIT_ACTIONS, action, next });
  });

  return router;
}
