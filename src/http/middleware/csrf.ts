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
    if (typeof body?._csrf === 'string') return body._csrf;
    // A multipart upload's body is read by the route after this check, so its form carries the
    // token in the action URL instead (Referrer-Policy keeps it from leaving the site).
    if (req.is('multipart/form-data') && typeof req.query._csrf === 'string') return req.query._csrf;
    return undefined;
  },
  errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
});

export const csrfProtection: RequestHandler = csrfSynchronisedProtection;

/** Puts the session's token where every template can reach it. */
export const csrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};
