import { Router } from 'express';
import type { User } from '../../services/team/types.js';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { formatClosures, formatDay } from '../../services/availability/availability-service.js';
import { WEEKDAYS } from '../../services/availability/hours.js';
import { promiseNotice } from '../../services/conversations/notices.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const minutes = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `${label}: enter a number.` }).int({ error: `${label}: a whole number.` }).min(min, { error: `${label}: at least ${min}.` }).max(max, { error: `${label}: at most ${max}.` });

const PromisesForm = z.object({
  firstResponseMinutes: minutes('Usual wait', 1, 24 * 60),
  replyWithinAmount: minutes('Reply within', 1, 365),
  replyWithinUnit: z.enum(['hours', 'business_days'], { error: 'Choose hours or business days.' }),
  emailOfferAfterMinutes: minutes('Offer email after', 0, 24 * 60),
  waitingReminderMinutes: minutes('Remind the team after', 0, 7 * 24 * 60),
  privacyPolicyUrl: z.string().trim().max(2000).default(''),
});
const TestForm = z.object({ to: z.string().max(320).default('') });

/**
 * Settings › Hours & promises (support hours, closures, what visitors are promised) and
 * Settings › Email (the mail server, a test email, and emails that failed, with a retry).
 */
export function availabilityRoutes(c: Pick<Container, 'config' | 'clock' | 'mailSender'> & { services: Pick<Container['services'], 'availability' | 'followups'> }): Router {
  const { availability, followups } = c.services;
  const router = Router();
  router.use(['/settings/hours', '/settings/email'], requireRole('admin'));

  /** The page, with what visitors would be told right now. */
  const hoursPage = async (posted: { weekly?: string[]; closures?: string; promises?: Record<string, unknown> } = {}) => {
    const [s, now] = await Promise.all([availability.settings(), availability.now()]);
    const p = s.promises;
    return {
      title: 'Hours & promises',
      weekdays: WEEKDAYS,
      weekly: posted.weekly ?? s.weekly.map(formatDay),
      closures: posted.closures ?? formatClosures(s.closures),
      timeZone: s.timeZone,
      now,
      preview: promiseNotice(now, { language: 'en', timeZone: s.timeZone, email: null, emailReplies: followups.emailsVisitors, now: c.clock.now() }),
      values: posted.promises ?? {
        firstResponseMinutes: p.firstResponseMinutes,
        replyWithinAmount: p.replyWithin.amount,
        replyWithinUnit: p.replyWithin.unit,
        emailOfferAfterMinutes: p.emailOfferAfterMinutes,
        waitingReminderMinutes: p.waitingReminderMinutes,
        privacyPolicyUrl: p.privacyPolicyUrl,
      },
      errors: {},
    };
  };

  router.get('/settings/hours', async (_req, res) => {
    render(res, 'pages/admin/hours', await hoursPage());
  });

  router.post('/settings/hours/schedule', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const weekly = WEEKDAYS.map((_, i) => (typeof body[`day${i}`] === 'string' ? (body[`day${i}`] as string).slice(0, 500) : ''));
    const closures = typeof body.closures === 'string' ? body.closures.slice(0, 50_000) : '';
    await submitForm(res, 'pages/admin/hours', {}, async () => {
      await availability.saveHours(req.user as User, { weekly, closures });
      flash(req, 'success', 'Support hours saved. They apply to the next handoff.');
      navigate(req, res, '/settings/hours');
    }, () => hoursPage({ weekly, closures }));
  });

  router.post('/settings/hours/promises', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/hours', {}, async () => {
      const f = parseForm(PromisesForm, body);
      await availability.savePromises(req.user as User, {
        firstResponseMinutes: f.firstResponseMinutes,
        replyWithin: { amount: f.replyWithinAmount, unit: f.replyWithinUnit },
        emailOfferAfterMinutes: f.emailOfferAfterMinutes,
        waitingReminderMinutes: f.waitingReminderMinutes,
        privacyPolicyUrl: f.privacyPolicyUrl,
      });
      flash(req, 'success', 'Promises saved.');
      navigate(req, res, '/settings/hours');
    }, () => hoursPage({ promises: body }));
  });

  const emailPage = async () => {
    const { counts, problems } = await followups.overview();
    const smtp = c.config.smtp;
    return {
      title: 'Email settings',
      smtp: smtp ? { host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user ?? '' } : undefined,
      from: await c.mailSender(),
      inbound: c.config.email.inbound,
      counts,
      problems,
      linkTtlDays: c.config.email.linkTtlDays,
      replyBatchSeconds: c.config.email.replyBatchSeconds,
    };
  };

  router.get('/settings/email', async (req, res) => {
    render(res, 'pages/admin/email', { ...(await emailPage()), testTo: req.user?.email ?? '' });
  });

  /** Sends a test email through the outbox now, and shows what the mail server said. */
  router.post('/settings/email/test', async (req, res) => {
    const form = parseForm(TestForm, req.body);
    const email = await followups.sendTest(req.user as User, form.to);
    render(res, 'partials/admin/email-test-result', { email });
  });

  router.post('/settings/email/outbox/:id/retry', async (req, res) => {
    const retried = await followups.retry(req.user as User, String(req.params.id));
    flash(req, retried ? 'success' : 'error', retried ? 'The email is back in the queue; it goes out within a few seconds.' : 'That email is not waiting for a retry any more.');
    navigate(req, res, '/settings/email');
  });

  return router;
}
