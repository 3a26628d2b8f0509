import type { Request } from 'express';
import { ForbiddenError, RateLimitedError, UnauthorizedError, ValidationError } from '../../services/errors.js';
import { pickLanguage } from './strings.js';
import { locale } from '../../locales/index.js';

/**
 * What a visitor reads when something in the chat fails: a sentence for a visitor, in their
 * language, with the way forward, never a developer's message ("create one with POST
 * /api/v1/visitors"). The frame sends its language with every form.
 */
export function visitorErrorMessage(req: Request, err: unknown, status: number): string {
  const requested = (req.body as { lang?: unknown } | undefined)?.lang ?? req.query.lang;
  const lang = pickLanguage(typeof requested === 'string' ? requested : undefined, req.acceptsLanguages());
  const t = locale(lang).widget;
  if (err instanceof UnauthorizedError) return t.errorGone;
  if (err instanceof RateLimitedError) return t.errorRate;
  if (err instanceof ForbiddenError) return t.errorNotAllowed;
  // The service's own words are English: shown as they are to an English-speaking visitor.
  if (err instanceof ValidationError) return lang === 'en' ? err.message : t.errorInvalid;
  return status >= 500 ? t.errorServer : t.errorInvalid;
}

/** The chat frame's own requests (its fragments), as opposed to the JSON API and Baton's pages. */
export const isChatFrameRequest = (req: Request) => req.path.startsWith('/widget/') && req.get('HX-Request') === 'true';
