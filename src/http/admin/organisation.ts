import { Router } from 'express';
import { z } from 'zod';
import { TIME_ZONES } from '../../lib/time-zones.js';
import type { TeamService } from '../../services/team/team-service.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm, textField } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const OrganisationForm = z.object({ name: textField('Organisation name', 120), timeZone: textField('Time zone', 64) });
const timeZones = TIME_ZONES;

export function organisationRoutes(team: TeamService): Router {
  const router = Router();
  router.use('/settings', requireRole('admin'));

  router.get('/settings/organisation', async (_req, res) => {
    const org = await team.organisation();
    render(res, 'pages/admin/organisation', { timeZones, values: { name: org?.name, timeZone: org?.timeZone }, errors: {} });
  });

  router.post('/settings/organisation', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/organisation', body, async () => {
      await team.updateOrganisation(req.user as User, parseForm(OrganisationForm, body));
      flash(req, 'success', 'Organisation settings saved.');
      navigate(req, res, '/settings/organisation');
    }, { timeZones });
  });

  return router;
}
