import type { RequestHandler } from 'express';
import { ForbiddenError } from '../../services/errors.js';
import type { Organisation } from '../../services/team/types.js';

/** What a teammate without a second factor may still open while one is required. */
const OPEN = /^\/(account\/two-factor|logout|assets|vendor)(\/|$)/;

/**
 * When the organisation requires two-factor sign-in, a signed-in teammate without it is sent to
 * set it up before anything else (pages), or refused (forms and fragments). Reads the
 * organisation the request already loaded (res.locals.organisation).
 */
export const twoFactorGate = (opts: { ssoIssuer?: string } = {}): RequestHandler => (req, res, next) => {
  const organisation = res.locals.organisation as Organisation | undefined;
  if (!req.user || req.user.twoFactorAt || !organisation?.requireTwoFactor || OPEN.test(req.path)) return next();
  // Signed in through the organisation's identity provider (the one still set up), whose policy
  // decides on a second factor there; an account it made has no Baton password to set one up with.
  if (opts.ssoIssuer && req.session.signedInWith === `sso ${opts.ssoIssuer}`) return next();
  if (req.method === 'GET' && req.get('HX-Request') !== 'true') return res.redirect(303, '/account/two-factor');
  throw new ForbiddenError('Your organisation requires two-factor sign-in: set it up on your profile first.');
};
