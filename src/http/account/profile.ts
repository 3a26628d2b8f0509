import { Router } from 'express';
import { z } from 'zod';
import type { TeamService } from '../../services/team/team-service.js';
import type { User } from '../../services/team/types.js';
import { parseForm, submitForm, textField } from '../forms.js';
import { requireUser } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const ProfileForm = z.object({ name: textField('Name', 120), email: z.email({ error: 'Enter a valid email address.' }).max(254), current: z.string().max(256).optional() });
const PasswordForm = z.object({
  current: z.string().min(1, { error: 'Enter your current password.' }),
  next: z.string().min(1, { error: 'Choose a new password.' }),
});

/** Each person's own profile and password. */
export function profileRoutes(team: TeamService): Router {
  const router = Router();
  router.use('/account', requireUser);

  const me = (u: unknown) => u as User;
  const values = (u: User) => ({ name: u.name, email: u.email });

  router.get('/account', (req, res) => render(res, 'pages/account/profile', { values: values(me(req.user)), errors: {} }));

  router.post('/account/profile', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/account/profile', body, async () => {
      await team.updateProfile(me(req.user), parseForm(ProfileForm, body));
      flash(req, 'success', 'Your profile was saved.');
      navigate(req, res, '/account');
    });
  });

  router.post('/account/notifications', async (req, res) => {
    const on = (req.body as Record<string, unknown> | undefined)?.weeklyDigest === 'on';
    await team.setWeeklyDigest(me(req.user), on);
    flash(req, 'success', on ? 'You will get the weekly digest every Monday.' : 'You will no longer get the weekly digest.');
    navigate(req, res, '/account');
  });

  router.post('/account/password', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/account/profile', body, async () => {
      await team.changePassword(me(req.user), parseForm(PasswordForm, body), req.sessionID);
      flash(req, 'success', 'Your password was changed and your other sessions were signed out.');
      navigate(req, res, '/account');
    }, { values: values(me(req.user)), passwordForm: true });
  });

  return router;
}
