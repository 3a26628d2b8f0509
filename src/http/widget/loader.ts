import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { LANGUAGES, LOCALES } from '../../locales/index.js';
import { VIEWS_DIR } from '../../lib/paths.js';
import type { WidgetService } from '../../services/widget/widget-service.js';

const SOURCE = readFileSync(path.join(VIEWS_DIR, 'widget', 'loader.js'), 'utf8');
const SETTINGS_SLOT = /\/\*SETTINGS\*\/[^]*?\/\*END\*\//;
/** "Open chat" and "Close chat" on the launcher, per language. */
const LAUNCHER_LABELS = Object.fromEntries(LANGUAGES.map((l) => [l, [LOCALES[l].loader.open, LOCALES[l].loader.close]]));

/**
 * The loader script with the admin's widget defaults written in (data attributes still win),
 * and the sites it may open on: elsewhere it draws nothing (the chat would refuse it anyway).
 */
export function loaderScript(settings: { colour: string; position: string; language: string; allowedOrigins: string[] }): string {
  // JSON of validated settings; "<" is escaped anyway so the text can never close a script tag.
  const json = JSON.stringify({ colour: settings.colour, position: settings.position, language: settings.language, allowed: settings.allowedOrigins, labels: LAUNCHER_LABELS }).replace(/</g, '\\u003c');
  return SOURCE.replace(SETTINGS_SLOT, json);
}

/**
 * GET /widget.js: the one file a site embeds. Any site may load it (the chat frame and the API
 * are what the allowed-origins list guards); it is cached briefly so a settings change shows soon.
 */
export function widgetLoaderRoutes(widget: WidgetService, opts: { ownOrigin: () => string; onError: (err: unknown) => void }): Router {
  const r = Router();
  r.get('/widget.js', async (req, res) => {
    // The page that loads the script names its site in Referer (browsers send the origin across
    // sites): one not allowed is noted for the admin ("Seen on …: not allowed. Allow?").
    const page = originOfReferer(req.get('Referer'));
    if (page) void widget.noteLoadedOn(page, [opts.ownOrigin(), `${req.protocol}://${req.get('host')}`]).catch(opts.onError);
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.send(loaderScript(await widget.settings()));
  });
  return r;
}

function originOfReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
