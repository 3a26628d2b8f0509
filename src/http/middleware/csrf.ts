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
    return undefined;
  },
  errorConfig: { statusCode: 403, message: 'invalid csrf token', code: 'EBADCSRFTOKEN' },
});

/**
 * Upload routes whose multipart body (and so its `_csrf` field) is only read by the route itself.
 * Without a header, the check for these waits for the route, which runs `csrfAfterUpload` once the
 * body is parsed. The token never goes in the URL (where logs and history would keep it). Only
 * paths listed here are deferred, so a route that forgets the check cannot be one by accident.
 */
const UPLOAD_PATHS = new Set(['/knowledge/files']);

export const csrfProtection: RequestHandler = (req, res, next) => {
  if (req.method === 'POST' && UPLOAD_PATHS.has(req.path) && req.is('multipart/form-data') && !req.get('X-CSRF-Token')) return next();
  csrfSynchronisedProtection(req, res, next);
};

/** The deferred check for an upload route, after its body is parsed (see UPLOAD_PATHS). */
export const csrfAfterUpload: RequestHandler = csrfSynchronisedProtection;

/** Puts the session's token where every template can reach it. */
export const csrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};
