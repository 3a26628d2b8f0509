/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { browserAvailable, launchBrowser, listen, screenshotPath, shopSite, signInThroughForm } from '../support/browser.js';

const hasBrowser = browserAvailable();

/**
 * A site missing from Allowed sites showed visitors a large grey "blocked" panel. The loader now
 * draws nothing there, and the admin sees the site that tried, with "Allow".
 */
describe.skipIf(!hasBrowser)('a site that is not allowed, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let shop: Awaited<ReturnType<typeof shopSite>>;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    server = await listen(t.app);
    shop = await shopSite(server.url);
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
    await t?.close();
  });

  it('draws no launcher, tells the site\'s developer why, and shows the admin the site with "Allow"', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await visitor.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(shop.url);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-baton-widget]').count()).toBe(0);
    expect(console.join('\n')).toContain(`Baton: the chat is not shown because ${shop.url} is not in Allowed sites`);

    const admin = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    await signInThroughForm(admin, server.url, 'ada@example.com');
    await admin.goto(`${server.url}/settings/widget`);
    await expect(admin.locator('.seen-sites').textContent()).resolves.toContain(shop.url);
    await admin.screenshot({ path: screenshotPath('widget-allowed-01-seen'), fullPage: true });
    await admin.locator('.seen-sites button:has-text("Allow")').click();
    await admin.waitForLoadState();
    await expect(admin.locator('#allowedOrigins').inputValue()).resolves.toBe(shop.url);
    expect(await admin.locator('.seen-sites').count()).toBe(0);

    // The script is cached for five minutes; a fresh visitor gets the launcher at once.
    const next = await (await browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage();
    await next.goto(shop.url);
    await next.locator('[data-baton-widget]').waitFor({ state: 'attached' });
    expect(await next.locator('[data-baton-widget]').count()).toBe(1);
  });
});
