import type { PublicAddress } from '../../lib/public-address.js';
import { Router, type Request } from 'express';
import type { User } from '../../services/team/types.js';
import { z } from 'zod';
import type { WidgetService } from '../../services/widget/widget-service.js';
import { WIDGET_LANGUAGES, type WidgetSettings } from '../../services/widget/types.js';
import { parseForm, submitForm } from '../forms.js';
import { requireRole } from '../middleware/require-role.js';
import { flash, navigate, render } from '../render.js';

const WidgetForm = z.object({
  allowedOrigins: z.string().max(20_000).default(''),
  colour: z.string().max(20).default(''),
  greeting: z.string().max(2000).default(''),
  position: z.string().max(10).default('right'),
  language: z.string().max(10).default('auto'),
});

const LANGUAGE_NAMES: Record<string, string> = { auto: "The visitor's browser language", en: 'English', da: 'Danish', de: 'German', fr: 'French', es: 'Spanish' };
const languages = ['auto', ...WIDGET_LANGUAGES].map((code) => ({ code, name: LANGUAGE_NAMES[code]! }));

/** The snippet a site pastes before </body>: one async script, nothing else. */
export const embedSnippet = (baseUrl: string) => `<script src="${baseUrl}/widget.js" async></script>`;

const formValues = (s: WidgetSettings) => ({ ...s, allowedOrigins: s.allowedOrigins.join('\n') });

export function widgetRoutes(widget: WidgetService, opts: { publicAddress: Pick<PublicAddress, 'get' | 'fixed'>; identityKey: string }): Router {
  const router = Router();
  router.use('/settings/widget', requireRole('admin'));
  const page = async (req: Request) => {
    const saved = await widget.settings();
    const address = opts.publicAddress.get();
    // Opened at another address than the snippet names: pasted on a real site, it may never load.
    const here = req.get('host');
    const elsewhere = here && new URL(address).host !== here ? { snippetHost: new URL(address).host, browserHost: here, fixed: opts.publicAddress.fixed } : undefined;
    return { languages, snippet: embedSnippet(address), elsewhere, saved, seen: await widget.seenNotAllowed(), identityKey: opts.identityKey };
  };

  router.get('/settings/widget', async (req, res) => {
    const p = await page(req);
    render(res, 'pages/admin/widget', { ...p, values: formValues(p.saved), errors: {} });
  });

  router.post('/settings/widget', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await submitForm(res, 'pages/admin/widget', body, async () => {
      await widget.save(req.user as User, parseForm(WidgetForm, body));
      flash(req, 'success', 'Widget settings saved. Sites pick up a new look within five minutes.');
      navigate(req, res, '/settings/widget');
    }, () => page(req));
  });

  /** "Allow" beside a site that loaded the widget without being allowed. */
  router.post('/settings/widget/allow', async (req, res) => {
    const origin = String((req.body as Record<string, unknown> | undefined)?.origin ?? '').slice(0, 300);
    await widget.allow(req.user as User, origin);
    flash(req, 'success', `${origin} is allowed: the chat appears there within five minutes.`);
    navigate(req, res, '/settings/widget');
  });

  // A page of Baton's own that embeds the widget, to try it before pasting the snippet anywhere.
  router.get('/settings/widget/preview', async (_req, res) => {
    render(res, 'pages/admin/widget-preview', { title: 'Widget preview' });
  });

  return router;
}
