import { Router, type Request } from 'express';
import { z } from 'zod';
import type { IntegrationService } from '../../services/integrations/integration-service.js';
import { ALERT_EVENTS, ENDPOINT_KINDS, EVENT_LABELS, WEBHOOK_EVENTS, type Endpoint, type EndpointInput, type EndpointKind, type PublicEventType } from '../../services/integrations/types.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const EndpointForm = z.object({
  kind: z.enum(ENDPOINT_KINDS, { error: 'Choose a webhook, Slack or Microsoft Teams.' }).default('webhook'),
  name: z.string().max(200).default(''),
  url: z.string().max(4000).default(''),
  // One checkbox gives a string, several an array.
  events: z.union([z.string(), z.array(z.string())]).default([]).transform((v) => (Array.isArray(v) ? v : [v]).slice(0, 20) as PublicEventType[]),
  alertEvents: z.union([z.string(), z.array(z.string())]).default([]).transform((v) => (Array.isArray(v) ? v : [v]).slice(0, 20) as PublicEventType[]),
  includeQuestion: z.literal('on').optional(),
  active: z.literal('on').optional(),
});

const KIND_NAMES: Record<EndpointKind, string> = { webhook: 'Webhook', slack: 'Slack', teams: 'Microsoft Teams' };

const toInput = (form: z.infer<typeof EndpointForm>): EndpointInput => ({ kind: form.kind, name: form.name, url: form.url, events: form.kind === 'webhook' ? form.events : form.alertEvents, includeQuestion: form.includeQuestion === 'on', active: form.active === 'on' });
/** What the form shows again after a mistake: the chosen kind's boxes as they were ticked. */
const typed = (body: Record<string, unknown>) => ({ ...body, events: [body.kind === 'webhook' || !body.kind ? (body.events ?? []) : (body.alertEvents ?? [])].flat() });
const formValues = (e: Endpoint) => ({ kind: e.kind, name: e.name, url: e.url, events: e.events, includeQuestion: e.includeQuestion, active: e.active });

/** Settings › Integrations: webhooks and Slack / Teams alerts, each with its delivery log. Admins only. */
export function integrationRoutes(integrations: IntegrationService): Router {
  const router = Router();
  router.use('/settings/integrations', requireRole('admin'));
  const me = (req: Request) => req.user as User;
  const choices = { kinds: KIND_NAMES, webhookEvents: WEBHOOK_EVENTS, alertEvents: ALERT_EVENTS, eventLabels: EVENT_LABELS };

  const listPage = async () => ({ ...choices, endpoints: await integrations.list(), last: await integrations.lastDeliveries() });
  const endpointPage = async (id: string) => {
    const endpoint = await integrations.get(id);
    return { ...choices, endpoint, deliveries: await integrations.deliveries(id) };
  };

  router.get('/settings/integrations', async (_req, res) => {
    render(res, 'pages/admin/integrations', { ...(await listPage()), values: { kind: 'webhook', events: [], active: true }, errors: {} });
  });

  router.post('/settings/integrations', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/integrations', { ...typed(body), active: true }, async () => {
      const endpoint = await integrations.create(me(req), toInput({ ...parseForm(EndpointForm, body), active: 'on' }));
      flash(req, 'success', endpoint.kind === 'webhook' ? `${endpoint.name} is added. Its signing secret is below: give it to the receiver so it can check each delivery.` : `${endpoint.name} is added. Send a test to see it arrive.`);
      navigate(req, res, `/settings/integrations/${endpoint.id}`);
    }, listPage);
  });

  router.get('/settings/integrations/:id', async (req, res) => {
    const page = await endpointPage(String(req.params.id));
    render(res, 'pages/admin/integration', { ...page, values: formValues(page.endpoint), errors: {} });
  });

  router.post('/settings/integrations/:id', async (req, res) => {
    const id = String(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/integration', { ...typed(body), active: body.active === 'on', includeQuestion: body.includeQuestion === 'on' }, async () => {
      const endpoint = await integrations.update(me(req), id, toInput(parseForm(EndpointForm, body)));
      flash(req, 'success', `${endpoint.name} is saved.`);
      navigate(req, res, `/settings/integrations/${id}`);
    }, () => endpointPage(id));
  });

  router.post('/settings/integrations/:id/delete', async (req, res) => {
    const endpoint = await integrations.remove(me(req), String(req.params.id));
    flash(req, 'success', `${endpoint.name} is deleted, with its delivery log; nothing more is sent to it.`);
    navigate(req, res, '/settings/integrations');
  });

  router.post('/settings/integrations/:id/secret', async (req, res) => {
    await integrations.rotateSecret(me(req), String(req.params.id));
    flash(req, 'success', 'A new signing secret is made; the old one no longer signs anything. Give the new one to the receiver.');
    navigate(req, res, `/settings/integrations/${String(req.params.id)}`);
  });

  router.post('/settings/integrations/:id/test', async (req, res) => {
    const outcome = await integrations.sendTest(me(req), String(req.params.id));
    flash(req, outcome.ok ? 'success' : 'error', outcome.ok ? `The test arrived: the receiver answered ${outcome.status}.` : `The test did not arrive: ${outcome.error}.`);
    navigate(req, res, `/settings/integrations/${String(req.params.id)}`);
  });

  router.post('/settings/integrations/deliveries/:deliveryId/resend', async (req, res) => {
    const delivery = await integrations.resend(me(req), String(req.params.deliveryId));
    flash(req, 'success', 'The delivery is queued again: it goes out within a few seconds.');
    navigate(req, res, `/settings/integrations/${delivery.endpointId}`);
  });

  return router;
}
