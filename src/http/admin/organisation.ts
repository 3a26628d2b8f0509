import { Router } from 'express';
import { z } from 'zod';
import { TIME_ZONES } from '../../lib/time-zones.js';
import type { TeamService } from '../../services/team/team-service.js';
import type { PublicAddress } from '../../lib/public-address.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm, textField } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const OrganisationForm = z.object({ name: textField('Organisation name', 120), timeZone: textField('Time zone', 64), publicUrl: z.string().max(2000).optional() });
const timeZones = TIME_ZONES;

export function organisationRoutes(team: TeamService, publicAddress: Pick<PublicAddress, 'get' | 'fixed'>): Router {
  const router = Router();
  router.use('/settings', requireRole('admin'));
  // The first tab: "Settings" in the navigation and a typed /settings land here.
  router.get('/settings', (_req, res) => res.redirect(303, '/settings/organisation'));

  const address = () => ({ publicAddress: publicAddress.get(), addressFixed: publicAddress.fixed });

  router.get('/settings/organisation', async (_req, res) => {
    const org = await team.organisation();
    render(res, 'pages/admin/organisation', { timeZones, ...address(), values: { name: org?.name, timeZone: org?.timeZone, publicUrl: org?.publicUrl ?? '' }, errors: {} });
  });

  router.post('/settings/organisation', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/organisation', body, async () => {
      const form = parseForm(OrganisationForm, body);
      // With BASE_URL set, the address is not the admin's to change here.
      await team.updateOrganisation(req.user as User, publicAddress.fixed ? { name: form.name, timeZone: form.timeZone } : form);
      flash(req, 'success', 'Organisation settings saved.');
      navigate(req, res, '/settings/organisation');
    }, () => Promise.resolve({ timeZones, ...address() }));
  });

  return router;
}
