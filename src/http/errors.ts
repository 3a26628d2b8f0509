import { isChatFrameRequest, visitorErrorMessage } from './widget/errors.js';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import {
  AuthenticationError,
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidTokenError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../services/errors.js';
import { isFragmentRequest, render, wantsJson } from './render.js';

/** Sign-in is needed; rendered as a redirect to /login for pages, 401 for JSON. */
export class SignInRequiredError extends DomainError {
  readonly code = 'sign_in_required';
  constructor() {
    super('Please sign in to continue.');
  }
}

interface Rendered {
  status: number;
  code: string;
  title: string;
  message: string;
  fields?: Record<string, string>;
}

function describe(err: unknown): Rendered {
  if (err instanceof DomainError) {
    const status =
      err instanceof NotFoundError ? 404
      : err instanceof ValidationError ? 422
      : err instanceof TooLargeError ? 413
      : err instanceof ConflictError ? 409
      : err instanceof ForbiddenError ? 403
      : err instanceof AuthenticationError ? 401
      : err instanceof SignInRequiredError ? 401
      : err instanceof UnauthorizedError ? 401
      : err instanceof RateLimitedError ? 429
      : err instanceof InvalidTokenError ? 410
      : err instanceof UnavailableError ? 503
      : 400;
    const titles: Record<number, string> = { 401: 'Please sign in', 403: 'Not allowed', 404: 'Not found', 409: 'Already done', 410: 'Link expired', 413: 'Too large', 422: 'Check your input', 429: 'Slow down', 503: 'Temporarily unavailable' };
    return { status, code: err.code, title: titles[status] ?? 'Something is wrong', message: err.message, fields: err instanceof ValidationError || err instanceof TooLargeError ? err.fields : undefined };
  }
  const e = err as { code?: string; type?: string; status?: number; statusCode?: number };
  if (e?.code === 'EBADCSRFTOKEN' || (e?.statusCode === 403 && /csrf/i.test(String((err as Error).message)))) {
    return { status: 403, code: 'csrf_failed', title: 'Form expired', message: 'This form has expired or was sent from another site. Reload the page and try again.' };
  }
  if (e?.type === 'parameters.too.many') {
    return { status: 413, code: 'too_many_fields', title: 'Too large', message: 'The form has too many fields.' };
  }
  // Text Postgres cannot store (a NUL byte, broken encoding) that got past the input checks.
  if (e?.code === '22021' || e?.code === '22P05') {
    return { status: 400, code: 'malformed', title: 'Malformed request', message: 'The request contains a character that is not allowed.' };
  }
  if (e?.type === 'entity.too.large') {
    return { status: 413, code: 'too_large', title: 'Too large', message: 'What you sent is too large.' };
  }
  if (e?.type === 'entity.parse.failed' || e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return { status: 400, code: 'malformed', title: 'Malformed request', message: 'The request body could not be read.' };
  }
  return { status: 500, code: 'internal', title: 'Something went wrong', message: 'Something went wrong on our side. It has been logged; please try again.' };
}

export const notFound: RequestHandler = (req) => {
  throw new NotFoundError(`There is no page at ${req.path}.`);
};

/**
 * The one place errors become responses: JSON for the API, a toast fragment for htmx, a page
 * otherwise (ARCHITECTURE rule 4).
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const d = describe(err);
  if (d.status >= 500) req.log?.error({ err }, 'request failed');
  else req.log?.info({ code: d.code, status: d.status }, d.message);

  if (err instanceof SignInRequiredError && !wantsJson(req)) return signIn(req, res);
  res.set('Cache-Control', 'no-store');
  if (err instanceof RateLimitedError) res.set('Retry-After', String(err.retryAfterSeconds));
  if (wantsJson(req)) {
    res.status(d.status).json({ error: { code: d.code, message: d.message, ...(d.fields ? { fields: d.fields } : {}) } });
    return;
  }
  if (isFragmentRequest(req)) {
    // Errors from htmx actions go to the page's toast region rather than replacing the target;
    // in the chat, in words for a visitor and in their language.
    res.set('HX-Retarget', '#toast').set('HX-Reswap', 'innerHTML');
    render(res, 'partials/toast', { kind: 'error', message: isChatFrameRequest(req) ? visitorErrorMessage(req, err, d.status) : d.message }, d.status);
    return;
  }
  try {
    render(res, 'pages/error', { title: d.title, status: d.status, message: d.message, requestId: req.id }, d.status);
  } catch (renderErr) {
    // The error page itself failed: answer in plain text rather than with Express's stack-trace page.
    req.log?.error({ err: renderErr }, 'error page failed to render');
    res.status(d.status).type('text').send(`${d.title}: ${d.message}`);
  }
};

function signIn(req: Request, res: Parameters<ErrorRequestHandler>[2]) {
  const to = `/login?returnTo=${encodeURIComponent(req.originalUrl)}`;
  if (req.get('HX-Request') === 'true') res.set('HX-Redirect', to).status(401).end();
  else res.redirect(303, to);
}
