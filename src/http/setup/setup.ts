import { Router, type RequestHandler } from 'express';
import type { PublicAddress } from '../../lib/public-address.js';
import type { AvailabilityService } from '../../services/availability/availability-service.js';
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
  publicUrl: z.string().max(2000).optional(),
  hours: z.enum(['always', 'weekdays'], { error: 'Choose when the chat is open: always, or weekdays 09:00–17:00.' }),
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

export function setupRoutes(team: TeamService, availability: Pick<AvailabilityService, 'saveStartingHours'>, publicAddress: Pick<PublicAddress, 'fixed' | 'get'>): Router {
  const router = Router();
  // With BASE_URL set the address is decided; else it starts as the one this browser used.
  const address = () => (publicAddress.fixed ? { addressFixed: publicAddress.get() } : {});

  router.get('/setup', async (req, res) => {
    if (await team.isSetupComplete()) return res.redirect(303, '/login');
    render(res, 'pages/setup/index', { timeZones, ...address(), values: { timeZone: 'UTC', publicUrl: `${req.protocol}://${req.get('host')}` }, errors: {} });
  });

  router.post('/setup', async (req, res) => {
    if (await team.isSetupComplete()) return navigate(req, res, '/login');
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/setup/index', body, async () => {
      const form = parseForm(SetupForm, body);
      const user = await team.completeSetup(publicAddress.fixed ? { ...form, publicUrl: undefined } : form);
      await availability.saveStartingHours(user, form.hours);
      await logIn(req, user);
      navigate(req, res, '/');
    }, { timeZones, ...address() });
  });

  return router;
}
