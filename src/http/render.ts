import type { Request, Response } from 'express';
import type { Views } from '../lib/views.js';

/**
 * htmx asks for a fragment with HX-Request, unless it is restoring history or doing a full
 * navigation (HX-Request-Type: full); everything else gets the whole page (ARCHITECTURE rule 8).
 */
export function isFragmentRequest(req: Request): boolean {
  return req.get('HX-Request') === 'true' && req.get('HX-Request-Type') !== 'full';
}

export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || (!req.get('HX-Request') && req.accepts(['html', 'json']) === 'json');
}

function views(res: Response): Views {
  return res.app.locals.views as Views;
}

/** Renders a template from views/ with the request's locals (user, csrfToken, flash…) merged in. */
export function render(res: Response, template: string, data: Record<string, unknown> = {}, status = 200): void {
  const html = views(res).render(template, { ...res.locals, ...data });
  res.status(status).type('html').send(html);
}

/** A full navigation, done with HX-Redirect for htmx (fetch would follow a 303 and swap the page into the target). */
export function navigate(req: Request, res: Response, to: string): void {
  const go = () => (req.get('HX-Request') === 'true' ? res.set('HX-Redirect', to).status(204).end() : res.redirect(303, to));
  // express-session saves at the end of the response but sends the headers first, so a browser
  // can follow the redirect before the flash is stored: save it, then send the redirect (which
  // goes even if the save failed: the action itself is done).
  if (req.session?.flash) req.session.save(() => void go());
  else go();
}

export function flash(req: Request, kind: 'success' | 'error' | 'info', message: string): void {
  req.session.flash = { kind, message };
}

/** Only same-site paths; anything else (//evil.example, https://…) falls back to home. */
export function safeReturnTo(value: unknown): string {
  // Control characters and backslashes never belong in a path of ours: browsers drop tabs and
  // newlines ("/\t/evil.example" is "//evil.example") and read "\" as "/".
  if (typeof value !== 'string' || !value.startsWith('/') || [...value].some((ch) => ch <= '\u001f' || ch === '\u007f' || ch === '\\')) return '/';
  // Parsed as a browser would, it must stay on this origin; what is kept is the parsed path.
  const base = 'http://return-to.invalid';
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
