/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { browserAvailable, launchBrowser, listen, screenshotPath, signInThroughForm } from '../support/browser.js';

const hasBrowser = browserAvailable();

/**
 * Search put /inbox/list?… in the address bar (Reload showed an unstyled fragment, Back one bare
 * row), and covered only the current tab.
 */
describe.skipIf(!hasBrowser)('inbox search, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    server = await listen(t.app);
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const api = supertest(t.app);
    for (const text of ['My parcel to Aarhus is late', 'Refund for order 7731 please']) {
      const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
      const auth = { Authorization: `Bearer ${token}` };
      const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
      await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text }).expect(201);
      await api.post(`/api/v1/conversations/${id}/handoff`).set(auth).send({}).expect(200);
    }
    // The refund one was dealt with: resolved, so not in Waiting.
    await t.container.db('conversations').where('last_message_preview', 'like', '%Refund%').update({ status: 'resolved', resolved_at: new Date() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('keeps /inbox?… in the address bar, so Reload and Back show the whole inbox, and searches every conversation', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    page.setDefaultTimeout(10_000);
    await signInThroughForm(page, server.url, 'ada@example.com');
    await page.goto(`${server.url}/inbox?queue=waiting`);
    await expect(page.locator('.conv-row').count()).resolves.toBe(1);

    await page.fill('#inbox-q', '7731');
    await page.waitForURL(/\/inbox\?queue=waiting&q=7731/);
    // Found though it is resolved and the tab is Waiting.
    await page.locator('.conv-row', { hasText: 'Refund for order 7731' }).waitFor();
    await expect(page.locator('.search-scope').textContent()).resolves.toContain('Results from all conversations');
    expect(new URL(page.url()).pathname).toBe('/inbox');

    await page.reload();
    await expect(page.locator('.queue-tabs').count()).resolves.toBe(1);
    await expect(page.locator('.conv-row', { hasText: 'Refund for order 7731' }).count()).resolves.toBe(1);
    await expect(page.locator('link[rel=stylesheet]').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('inbox-search-01') });

    // Narrowed to the tab: nothing there.
    await page.selectOption('#inbox-scope', 'queue');
    await page.locator('.empty', { hasText: 'Nothing matches.' }).waitFor();

    await page.goBack();
    await page.waitForURL(/q=7731&scope=all/);
    await expect(page.locator('.queue-tabs').count()).resolves.toBe(1);
    await expect(page.locator('.inbox-filter').count()).resolves.toBe(1);
  });
});
