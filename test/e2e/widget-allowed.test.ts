/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/app.js';
import { browserAvailable, screenshotPath, signInThroughForm } from '../support/browser.js';
import { useShopInBrowser } from '../support/shop.js';

const hasBrowser = browserAvailable();

/**
 * A site missing from Allowed sites showed visitors a large grey "blocked" panel. The loader now
 * draws nothing there, and the admin sees the site that tried, with "Allow".
 */
describe.skipIf(!hasBrowser)('a site that is not allowed, in a real browser', () => {
  const s = useShopInBrowser({ allowShop: false });

  beforeAll(async () => {
    await createUser(s.t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
  });

  it('draws no launcher, tells the site\'s developer why, and shows the admin the site with "Allow"', async () => {
    const visitor = await s.browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await visitor.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    await page.goto(s.shop.url);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-baton-widget]').count()).toBe(0);
    expect(console.join('\n')).toContain(`Baton: the chat is not shown because ${s.shop.url} is not in Allowed sites`);

    const admin = await (await s.browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    await signInThroughForm(admin, s.server.url, 'ada@example.com');
    await admin.goto(`${s.server.url}/settings/widget`);
    await expect(admin.locator('.seen-sites').textContent()).resolves.toContain(s.shop.url);
    await admin.screenshot({ path: screenshotPath('widget-allowed-01-seen'), fullPage: true });
    await admin.locator('.seen-sites button:has-text("Allow")').click();
    await admin.waitForLoadState();
    await expect(admin.locator('#allowedOrigins').inputValue()).resolves.toBe(s.shop.url);
    expect(await admin.locator('.seen-sites').count()).toBe(0);

    // The script is cached for five minutes; a fresh visitor gets the launcher at once.
    const next = await (await s.browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage();
    await next.goto(s.shop.url);
    await next.locator('[data-baton-widget]').waitFor({ state: 'attached' });
    expect(await next.locator('[data-baton-widget]').count()).toBe(1);
  });
});
