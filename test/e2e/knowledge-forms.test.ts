/// <reference lib="dom" />
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { browserAvailable, launchBrowser, listen, screenshotPath, signInThroughForm } from '../support/browser.js';

const hasBrowser = browserAvailable();

/**
 * Issue 18, items 15 and 16: the add-forms on Knowledge used to reload the page scrolled to the
 * top, with the error 1,700 px down and `?_csrf=<token>` in the address bar; a site that could not
 * be reached became a failed source to delete by hand. Now each card is swapped in place with
 * its error beside the field, and a file over the limit never leaves the browser.
 */
describe.skipIf(!hasBrowser)('Knowledge forms, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let closedSite: string;
  const uploads: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-upload-'));

  beforeAll(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_MB: '1', CRAWL_ALLOW_PRIVATE: '127.0.0.2' } });
    server = await listen(t.app);
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    browser = await launchBrowser();
    const gone = http.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.2', r));
    closedSite = `127.0.0.2:${(gone.address() as AddressInfo).port}`;
    await new Promise((r) => gone.close(r));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function knowledgePage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/knowledge/files')) uploads.push(r.url());
    });
    await signInThroughForm(page, server.url, 'ada@example.com');
    await page.goto(`${server.url}/knowledge`);
    return page;
  }

  it('shows a website that cannot be read beside its field, in words, without a reload, and offers Save anyway', async () => {
    const page = await knowledgePage();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await page.fill('#startUrl', closedSite);
    await page.locator('#add-website button[type=submit]').click();
    const error = page.locator('#startUrl-error');
    await expect(error.textContent()).resolves.toMatch(/^We couldn't read 127\.0\.0\.2:\d+: the connection was refused/);
    // No reload (the marker survives), the address is unchanged, and the field has the focus.
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(page.url()).toBe(`${server.url}/knowledge`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('startUrl');
    expect(await page.inputValue('#startUrl')).toBe(closedSite);
    expect(await error.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('knowledge-01-unreachable') });
    expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 0 });

    await page.check('input[name=saveAnyway]');
    await page.locator('#add-website button[type=submit]').click();
    await page.waitForURL(/\/knowledge\/sources\//);
    expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 1 });
  });

  it('refuses a file over the limit in the browser, before any upload, and uploads with no token in the address', async () => {
    const page = await knowledgePage();
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, 'a'.repeat(1.5 * 1024 * 1024));
    await page.setInputFiles('#file', big);
    await expect(page.locator('#file-error').textContent()).resolves.toBe('The file is larger than the 1 MB upload limit.');
    await page.locator('#add-file button[type=submit]').click();
    await page.waitForTimeout(300);
    expect(uploads).toEqual([]);
    await page.screenshot({ path: screenshotPath('knowledge-02-too-large') });

    const bogus = path.join(dir, 'prices.pdf');
    fs.writeFileSync(bogus, 'this is not a PDF');
    await page.setInputFiles('#file', bogus);
    expect(await page.locator('#file-error').count()).toBe(0);
    await page.locator('#add-file button[type=submit]').click();
    await expect(page.locator('#file-error').textContent()).resolves.toContain('prices.pdf is not a PDF file');
    expect(uploads).toEqual([`${server.url}/knowledge/files`]);

    const good = path.join(dir, 'returns.md');
    fs.writeFileSync(good, '# Returns\n\nSend the parcel back within 30 days with the label from your order page.\n');
    await page.setInputFiles('#file', good);
    await page.locator('#add-file button[type=submit]').click();
    await page.waitForURL(/\/knowledge\/sources\//);
    expect(page.url()).not.toContain('_csrf');
    expect(uploads.every((u) => !u.includes('_csrf'))).toBe(true);
  });

  it("lists a website's pages with their status, and excludes one in place", async () => {
    const site = http.createServer((req, res) => {
      const html = (title: string, body: string) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`);
      if (req.url === '/') return void html('Help', '<p>Every answer about your account.</p><a href="/refunds">Refunds</a> <a href="/copy">Copy</a> <a href="/gone">Gone</a>');
      if (req.url === '/refunds' || req.url === '/copy') return void html('Refunds', '<p>Refunds are possible within thirty days of a charge.</p>');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.2', r));
    try {
      const base = `http://127.0.0.2:${(site.address() as AddressInfo).port}`;
      const { source } = await t.container.services.knowledge.createWebsite('system', { startUrl: `${base}/` });
      // The first test's "Save anyway" source is queued too: run both.
      while (await t.container.services.knowledge.runNextSync());
      const page = await knowledgePage();
      await page.goto(`${server.url}/knowledge/sources/${source.id}`);
      await expect(page.locator('.sync-counts').textContent()).resolves.toMatch(/Found on the site\s*4/);
      await page.screenshot({ path: screenshotPath('knowledge-03-sync-counts'), fullPage: true });
      await page.click('text=See every page and its status');
      await page.waitForURL(/\/pages$/);
      const row = page.locator('tr', { has: page.locator(`a[href="${base}/refunds"]`) });
      page.once('dialog', (d) => void d.accept());
      await row.locator('button', { hasText: 'Exclude' }).click();
      await row.getByText(/excluded by you/).waitFor();
      expect(await row.locator('button', { hasText: 'Exclude' }).count()).toBe(0);
      expect(page.url()).toMatch(/\/pages$/);
      await page.screenshot({ path: screenshotPath('knowledge-04-pages'), fullPage: true });
    } finally {
      site.closeAllConnections();
      await new Promise((r) => site.close(r));
    }
  });
});
