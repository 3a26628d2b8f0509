import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { VIEWS_DIR } from '../../lib/paths.js';
import type { WidgetService } from '../../services/widget/widget-service.js';

const SOURCE = readFileSync(path.join(VIEWS_DIR, 'widget', 'loader.js'), 'utf8');
const SETTINGS_SLOT = /\/\*SETTINGS\*\/[^]*?\/\*END\*\//;

/** The loader script with the admin's widget defaults written in (data attributes still win). */
export function loaderScript(settings: { colour: string; position: string; language: string }): string {
  // JSON of validated settings; "<" is escaped anyway so the text can never close a script tag.
  const json = JSON.stringify({ colour: settings.colour, position: settings.position, language: settings.language }).replace(/</g, '\\u003c');
  return SOURCE.replace(SETTINGS_SLOT, json);
}

/**
 * GET /widget.js: the one file a site embeds. Any site may load it (the chat frame and the API
 * are what the allowed-origins list guards); it is cached briefly so a settings change shows soon.
 */
export function widgetLoaderRoutes(widget: WidgetService): Router {
  const r = Router();
  r.get('/widget.js', async (_req, res) => {
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.send(loaderScript(await widget.settings()));
  });
  return r;
}
