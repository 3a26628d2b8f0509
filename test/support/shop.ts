import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Env } from '../../src/config.js';
import { startTestApp, type TestApp } from './app.js';
import { launchBrowser, listen, shopSite } from './browser.js';

/** What a widget browser test drives: Baton on loopback, a shop page embedding its widget, Chromium. */
export interface ShopInBrowser {
  t: TestApp;
  server: Awaited<ReturnType<typeof listen>>;
  shop: Awaited<ReturnType<typeof shopSite>>;
  browser: Browser;
}

/**
 * Starts them before the suite's tests (call it inside the describe, before its own hooks, which
 * then run after these) and closes them after. `env` is read when the app starts, so it may name
 * a fake started by an earlier hook. The shop is in Allowed sites unless `allowShop` is false.
 */
export function useShopInBrowser(opts: { env?: () => Env; allowShop?: boolean } = {}): ShopInBrowser {
  const s = {} as ShopInBrowser;
  beforeAll(async () => {
    s.t = await startTestApp({ env: opts.env?.() });
    s.server = await listen(s.t.app);
    s.shop = await shopSite(s.server.url);
    if (opts.allowShop !== false) await s.t.container.services.widget.save('system', { allowedOrigins: s.shop.url, colour: '#4f46e5', greeting: '', position: 'right', language: 'auto' });
    s.browser = await launchBrowser();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.shop?.close();
    await s.server?.close();
    await s.t?.close();
  });
  return s;
}
