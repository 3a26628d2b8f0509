import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { TeamService } from '../../services/team/team-service.js';
import { parseForm, submitForm, textField } from '../forms.js';
import { logIn } from '../session.js';
import { navigate, render, wantsJson } from '../render.js';
import { UnavailableError } from '../../services/errors.js';
import { TIME_ZONES } from '../../lib/time-zones.js';

const SetupForm = z.object({
  organisationName: textField('Organisation name', 120),
  timeZone: textField('Time zone', 64),
  name: textField('Your name', 120),
  email: z.email({ error: 'Enter a valid email address.' }).max(254),
  password: z.string({ error: 'Choose a password.' }).min(1, { error: 'Choose a password.' }),
});

// Paths that work before setup: the wizard itself, assets and health checks are mounted earlier.
const OPEN_BEFORE_SETUP = new Set(['/setup']);

/** While no admin exists, every page leads to the setup wizard. */
export function setupGate(team: TeamService): RequestHandler {
  return async (req, res, next) => {
    if (OPEN_BEFORE_SETUP.has(req.path) || (await team.isSetupComplete())) return next();
    if (wantsJson(req)) throw new UnavailableError('Baton has not been set up yet: open it in a browser to create the first admin.');
    navigate(req, res, '/setup');
  };
}

const timeZones = TIME_ZONES;

export function setupRoutes(team: TeamService): Router {
  const router = Router();

  router.get('/setup', async (_req, res) => {
    if (await team.isSetupComplete()) return res.redirect(303, '/login');
    render(res, 'pages/setup/index', { timeZones, values: { timeZone: 'UTC' }, errors: {} });
  });

  router.post('/setup', async (req, res) => {
    if (await team.isSetupComplete()) return navigate(req, res, '/login');
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/setup/index', body, async () => {
      const user = await team.completeSetup(parseForm(SetupForm, body));
      await logIn(req, user);
      navigate(req, res, '/');
    }, { timeZones });
  });

  return router;
}
