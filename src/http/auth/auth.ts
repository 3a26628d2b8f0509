import { Router, type Request, type RequestHandler, type Response } from 'express';
import type passport from 'passport';
import { z } from 'zod';
import { InvalidTokenError } from '../../services/errors.js';
import type { AuthService } from '../../services/team/auth-service.js';
import type { TeamService } from '../../services/team/team-service.js';
import type { TwoFactorService } from '../../services/team/two-factor-service.js';
import type { User } from '../../services/team/types.js';
import type { SsoService } from '../../services/team/sso.js';
import { AuthenticationError, ValidationError } from '../../services/errors.js';
import { parseForm, submitForm, textField } from '../forms.js';
import { flash, navigate, render, safeReturnTo } from '../render.js';
import { authenticateLocal, logIn, logOut } from '../session.js';

const EmailForm = z.object({ email: z.email({ error: 'Enter a valid email address.' }).max(254) });
const NewPasswordForm = z.object({ password: z.string().min(1, { error: 'Choose a password.' }) });
const AcceptInviteForm = z.object({ name: textField('Your name', 120), password: z.string().min(1, { error: 'Choose a password.' }) });

export interface AuthRouteDeps {
  auth: AuthService;
  team: TeamService;
  twoFactor: TwoFactorService;
  passport: passport.PassportStatic;
  /** Single sign-on, when set up. */
  sso?: SsoService;
  /** The public address: the provider sends people back to <it>/login/sso/callback. */
  publicAddress: () => string;
  /** Per-IP limit in front of the sign-in and reset forms (account lockout is the per-account limit). */
  loginLimiter: RequestHandler;
}

const CodeForm = z.object({ code: z.string().trim().min(1, { error: 'Enter the code from your authenticator app.' }).max(40) });
/** How long the second step waits after the password was right. */
const SECOND_STEP_MS = 5 * 60_000;

/** How long the round trip to the provider may take. */
const SSO_MS = 10 * 60_000;

export function authRoutes({ auth, team, twoFactor, sso, publicAddress, passport, loginLimiter }: AuthRouteDeps): Router {
  const router = Router();

  /**
   * Signs in, or with two-factor sign-in on, asks for the code first: the session remembers
   * only who passed the password, for a few minutes, and signs in once the code is right.
   */
  const signIn = async (req: Request, res: Response, user: User, returnTo: string, message?: string, via?: `sso ${string}`) => {
    if (!user.twoFactorAt) {
      await logIn(req, user);
      if (via) req.session.signedInWith = via;
      // After the login: it starts a new session, and a message set before would be lost.
      if (message) flash(req, 'success', message);
      return navigate(req, res, returnTo);
    }
    if (req.user) await logOut(req);
    if (message) flash(req, 'success', message);
    req.session.pendingSignIn = { userId: user.id, returnTo, until: Date.now() + SECOND_STEP_MS };
    req.session.save(() => navigate(req, res, '/login/two-factor'));
  };
  const pending = (req: Request) => (req.session.pendingSignIn && req.session.pendingSignIn.until > Date.now() ? req.session.pendingSignIn : undefined);

  router.get('/login/two-factor', (req, res) => {
    if (!pending(req)) return res.redirect(303, '/login');
    render(res, 'pages/auth/two-factor', { values: {} });
  });

  router.post('/login/two-factor', loginLimiter, async (req, res) => {
    const waiting = pending(req);
    if (!waiting) {
      flash(req, 'info', 'That took too long: sign in again.');
      return navigate(req, res, '/login');
    }
    try {
      const { code } = parseForm(CodeForm, req.body ?? {});
      const user = await twoFactor.completeSignIn(waiting.userId, code, { ip: req.ip });
      delete req.session.pendingSignIn;
      await logIn(req, user);
      navigate(req, res, waiting.returnTo);
    } catch (e) {
      if (e instanceof ValidationError) return render(res, 'pages/auth/two-factor', { values: {}, error: e.message }, 422);
      if (!(e instanceof AuthenticationError)) throw e;
      if (e.code !== 'invalid_credentials' || e.message === 'Sign in again.') delete req.session.pendingSignIn;
      render(res, 'pages/auth/two-factor', { values: {}, error: e.message }, 401);
    }
  });

  // Every sign-in page knows about single sign-on (the button; no password form when it is the only way).
  router.use((_req, res, next) => {
    if (sso) res.locals.sso = { label: sso.label, only: sso.only };
    next();
  });
  const loginPage = (res: Response, data: Record<string, unknown>, status = 200) => render(res, 'pages/auth/login', data, status);
  /** With OIDC_ONLY, no password is set or used anywhere: not by a reset link, not by an invitation. */
  const passwordsOff: RequestHandler = (_req, res, next) => {
    if (!sso?.only) return next();
    render(res, 'pages/auth/link-expired', { message: `Passwords are turned off here: sign in with ${sso.label}. An invitation is used at your first sign-in.`, retry: { href: '/login/sso', label: `Sign in with ${sso.label}` } }, 403);
  };
  /** Round trips under way in this session, by state (two tabs may sign in at once); a few at most. */
  const MAX_ROUNDS = 5;

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect(303, safeReturnTo(req.query.returnTo));
    loginPage(res, { values: {}, returnTo: safeReturnTo(req.query.returnTo) });
  });

  // Single sign-on: to the provider with a fresh state, nonce and PKCE verifier kept in this
  // session; back with its answer, which is checked once (the session forgets the round trip
  // before the check, so a replayed answer finds nothing to match).
  router.get('/login/sso', async (req, res) => {
    if (!sso) return res.redirect(303, '/login');
    try {
      const { url, pending } = await sso.begin(`${publicAddress()}/login/sso/callback`);
      const now = Date.now();
      const rounds = Object.values(req.session.sso ?? {}).filter((r) => r.until > now).slice(-(MAX_ROUNDS - 1));
      req.session.sso = Object.fromEntries([...rounds, { ...pending, returnTo: safeReturnTo(req.query.returnTo), until: now + SSO_MS }].map((r) => [r.state, r]));
      req.session.save(() => res.redirect(303, url));
    } catch (e) {
      if (!(e instanceof AuthenticationError)) throw e;
      loginPage(res, { values: {}, error: e.message }, 503);
    }
  });

  router.get('/login/sso/callback', loginLimiter, async (req, res) => {
    if (!sso) return res.redirect(303, '/login');
    // Only this round trip is forgotten: another tab's stays, and a stray answer cancels nothing.
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    const round = Object.hasOwn(req.session.sso ?? {}, state) ? req.session.sso![state] : undefined;
    if (round) delete req.session.sso![state];
    if (!round || round.until < Date.now()) return loginPage(res, { values: {}, error: 'That sign-in took too long or was already used. Start again.' }, 400);
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const user = await sso.complete(query, round, { ip: req.ip });
      await signIn(req, res, user, round.returnTo, undefined, `sso ${sso.issuer}`);
    } catch (e) {
      if (!(e instanceof AuthenticationError)) throw e;
      loginPage(res, { values: {}, error: e.message }, 401);
    }
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnTo(body.returnTo);
    if (sso?.only) return loginPage(res, { values: {}, returnTo, error: `Sign in with ${sso.label}: passwords are turned off here.` }, 403);
    const result = await authenticateLocal(passport, req);
    if ('refused' in result) {
      // A locked account answers as a wrong password does (status and words): nothing to enumerate.
      render(res, 'pages/auth/login', { values: { email: body.email }, returnTo, error: result.refused.message }, 401);
      return;
    }
    await signIn(req, res, result.user, returnTo);
  });

  router.post('/logout', async (req, res) => {
    if (req.user) await auth.signedOut(req.user.id, req.sessionID);
    await logOut(req);
    flash(req, 'info', 'You have signed out.');
    navigate(req, res, '/login');
  });

  router.get('/password/forgot', passwordsOff, (_req, res) => render(res, 'pages/auth/forgot', { values: {} }));

  router.post('/password/forgot', passwordsOff, loginLimiter, async (req, res) => {
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

  router.get('/password/reset', passwordsOff, async (req, res) => {
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

  router.post('/password/reset', passwordsOff, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = tokenOf(req, 'reset');
    if (!token) return expired(res, NO_LINK, { href: '/password/forgot', label: 'Send a new reset link' });
    const { email } = await auth.checkPasswordResetToken(token);
    await submitForm(res, 'pages/auth/reset', body, async () => {
      const user = await auth.resetPassword(token, parseForm(NewPasswordForm, body).password);
      // A reset link proves the mailbox, not the second factor.
      await signIn(req, res, user, '/', 'Your password has been changed.');
    }, { email });
  });

  router.get('/invite/:token', trade('invite'));

  router.get('/invite', passwordsOff, async (req, res) => {
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

  router.post('/invite', passwordsOff, async (req, res) => {
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
