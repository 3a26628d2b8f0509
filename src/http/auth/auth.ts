import { Router, type Request, type RequestHandler, type Response } from 'express';
import type passport from 'passport';
import { z } from 'zod';
import { InvalidTokenError } from '../../services/errors.js';
import type { AuthService } from '../../services/team/auth-service.js';
import type { TeamService } from '../../services/team/team-service.js';
import { parseForm, submitForm, textField } from '../forms.js';
import { flash, navigate, render, safeReturnTo } from '../render.js';
import { authenticateLocal, logIn, logOut } from '../session.js';

const EmailForm = z.object({ email: z.email({ error: 'Enter a valid email address.' }).max(254) });
const NewPasswordForm = z.object({ password: z.string().min(1, { error: 'Choose a password.' }) });
const AcceptInviteForm = z.object({ name: textField('Your name', 120), password: z.string().min(1, { error: 'Choose a password.' }) });

export interface AuthRouteDeps {
  auth: AuthService;
  team: TeamService;
  passport: passport.PassportStatic;
  /** Per-IP limit in front of the sign-in and reset forms (account lockout is the per-account limit). */
  loginLimiter: RequestHandler;
}

export function authRoutes({ auth, team, passport, loginLimiter }: AuthRouteDeps): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, safeReturnTo(req.query.returnTo));
    render(res, 'pages/auth/login', { values: {}, returnTo: safeReturnTo(req.query.returnTo) });
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnTo(body.returnTo);
    const result = await authenticateLocal(passport, req);
    if ('refused' in result) {
      // A locked account answers as a wrong password does (status and words): nothing to enumerate.
      render(res, 'pages/auth/login', { values: { email: body.email }, returnTo, error: result.refused.message }, 401);
      return;
    }
    await logIn(req, result.user);
    navigate(req, res, returnTo);
  });

  router.post('/logout', async (req, res) => {
    if (req.user) await auth.signedOut(req.user.id, req.sessionID);
    await logOut(req);
    flash(req, 'info', 'You have signed out.');
    navigate(req, res, '/login');
  });

  router.get('/password/forgot', (_req, res) => render(res, 'pages/auth/forgot', { values: {} }));

  router.post('/password/forgot', loginLimiter, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/auth/forgot', body, async () => {
      const { email } = parseForm(EmailForm, body);
      await auth.requestPasswordReset(email);
      // The same answer whether or not the address has an account.
      render(res, 'pages/auth/forgot', { sent: true, values: { email } });
    });
  });

  // An emailed link's token is traded for the session on first use and the browser sent on to a
  // URL without it: the address bar, history, password managers and any Referer then hold no
  // credential. The form pages read the token from the session.
  const trade = (kind: 'reset' | 'invite') => (req: Request, res: Response) => {
    req.session.linkToken = { kind, token: String(req.params.token) };
    // Stored before the redirect goes out: the browser follows it at once.
    req.session.save(() => res.redirect(303, kind === 'reset' ? '/password/reset' : '/invite'));
  };
  const tokenOf = (req: Request, kind: 'reset' | 'invite') => (req.session.linkToken?.kind === kind ? req.session.linkToken.token : undefined);
  const expired = (res: Response, message: string, retry?: { href: string; label: string }) => render(res, 'pages/auth/link-expired', { message, retry }, 410);
  const NO_LINK = 'This page opens from the link in your email. Open that link again.';

  router.get('/password/reset/:token', trade('reset'));

  router.get('/password/reset', async (req, res) => {
    const token = tokenOf(req, 'reset');
    const retry = { href: '/password/forgot', label: 'Send a new reset link' };
    if (!token) return expired(res, NO_LINK, retry);
    try {
      const { email } = await auth.checkPasswordResetToken(token);
      render(res, 'pages/auth/reset', { email, values: {} });
    } catch (e) {
      if (!(e instanceof InvalidTokenError)) throw e;
      expired(res, e.message, retry);
    }
  });

  router.post('/password/reset', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = tokenOf(req, 'reset');
    if (!token) return expired(res, NO_LINK, { href: '/password/forgot', label: 'Send a new reset link' });
    const { email } = await auth.checkPasswordResetToken(token);
    await submitForm(res, 'pages/auth/reset', body, async () => {
      const user = await auth.resetPassword(token, parseForm(NewPasswordForm, body).password);
      await logIn(req, user);
      flash(req, 'success', 'Your password has been changed.');
      navigate(req, res, '/');
    }, { email });
  });

  router.get('/invite/:token', trade('invite'));

  router.get('/invite', async (req, res) => {
    const token = tokenOf(req, 'invite');
    if (!token) return expired(res, NO_LINK);
    try {
      const invite = await team.checkInvite(token);
      render(res, 'pages/auth/invite', { invite, values: {} });
    } catch (e) {
      if (!(e instanceof InvalidTokenError)) throw e;
      expired(res, e.message);
    }
  });

  router.post('/invite', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = tokenOf(req, 'invite');
    if (!token) return expired(res, NO_LINK);
    const invite = await team.checkInvite(token);
    await submitForm(res, 'pages/auth/invite', body, async () => {
      const user = await team.acceptInvite(token, parseForm(AcceptInviteForm, body));
      if (req.user) await logOut(req);
      await logIn(req, user);
      flash(req, 'success', `Welcome to ${invite.organisationName}, ${user.name}.`);
      navigate(req, res, '/');
    }, { invite });
  });

  return router;
}
