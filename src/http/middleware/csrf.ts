import type { RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

/**
 * Synchroniser-token CSRF protection (the token lives in the session). Forms send it as the
 * `_csrf` field; htmx sends it as the X-CSRF-Token header (views/assets/js/app.js).
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.get('X-CSRF-Token');
    if (header) return header;
    const body = req.body as Record<string, unknown> | undefined;
    return typeof body?._csrf === 'string' ? body._csrf : undefined;
  },
  errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
});

export const csrfProtection: RequestHandler = csrfSynchronisedProtection;

/** Puts the session's token where every template can reach it. */
export const csrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};
