import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, launchBrowser, listen, screenshotPath } from '../support/browser.js';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('the admin journey in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  let site: http.Server;
  let siteUrl: string;

  beforeAll(async () => {
    // A tiny help center for the website source, on the one private address the app may crawl.
    site = http.createServer((req, res) => {
      const pages: Record<string, string> = {
        '/': '<html lang="en"><body><main><h1>Acme help</h1><p>Everything about your Acme account, billing and data, in one place for every customer.</p><a href="/export">Export</a> <a href="/gone">Gone</a></main></body></html>',
        '/export': '<html lang="en"><body><main><h1>Exporting your data</h1><p>Open Settings, then Export, and download a ZIP archive of all your projects.</p></main></body></html>',
      };
      const body = pages[req.url ?? ''];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.2', r));
    siteUrl = `http://127.0.0.2:${(site.address() as AddressInfo).port}`;
    t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0' } });
    server = await listen(t.app);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    // Fail a step within 10 s with the locator it waited for, rather than at the test's timeout.
    page.setDefaultTimeout(10_000);
    // A CSP violation or a script error would show up here: the page must run without either.
    page.on('console', (msg) => {
      // 401/422 answers to forms are expected and logged by Chromium as failed loads; anything else is not.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
  });

  afterAll(async () => {
    site?.closeAllConnections();
    site?.close();
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('sends a fresh install to the setup wizard, which creates the admin and signs them in', async () => {
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/setup');
    await expect(page.locator('h1').textContent()).resolves.toBe('Welcome to Baton');
    // app.js preselects the browser's time zone; headless Chromium here reports UTC or the TZ it was given.
    await page.screenshot({ path: screenshotPath('01-setup'), fullPage: true });

    await page.getByLabel('Organisation name').fill('Acme');
    await page.getByLabel('Time zone').selectOption('Europe/Copenhagen');
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('short');
    await page.locator('input[name=hours][value=always]').check();
    await page.getByRole('button', { name: 'Create admin and continue' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toContain('Use at least 10 characters.');
    // The field with the mistake has the focus, not the first field.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('password');
    await expect(page.getByLabel('Organisation name').inputValue()).resolves.toBe('Acme');

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create admin and continue' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Hello, Ada Admin');
    await page.screenshot({ path: screenshotPath('02-home'), fullPage: true });
  });

  it('invites a teammate with htmx: the form resets, the invite is listed and a toast confirms', async () => {
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.waitForURL(`${server.url}/team`);
    await page.locator('#invite-form').getByLabel('Email').fill('bea@example.com');
    await page.locator('#invite-form').getByLabel('Role').selectOption('agent');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('#toast .toast-success').waitFor();
    await expect(page.locator('#toast').textContent()).resolves.toContain('Invitation sent to bea@example.com.');
    await expect(page.locator('#invites').textContent()).resolves.toContain('bea@example.com');
    await expect(page.locator('#invite-form').getByLabel('Email').inputValue()).resolves.toBe('');
    // htmx did this in place: still the same page.
    expect(new URL(page.url()).pathname).toBe('/team');
    await page.screenshot({ path: screenshotPath('03-team-invited'), fullPage: true });

    // The link from the logged email opens the invitation page.
    const logged = t.logs.find((l) => l.to === 'bea@example.com')?.text as string;
    const link = /http:\/\/baton\.test(\/invite\/\S+)/.exec(logged)?.[1];
    expect(link).toBeDefined();
    const other = await browser.newPage();
    await other.goto(`${server.url}${link}`);
    // The token was traded for the session: the address bar no longer holds it.
    expect(new URL(other.url()).pathname).toBe('/invite');
    await expect(other.locator('h1').textContent()).resolves.toBe('Join Acme');
    await other.getByLabel('Your name').fill('Bea');
    await other.getByLabel('Password').fill('bea has a long password');
    await other.getByRole('button', { name: 'Join the team' }).click();
    await other.waitForURL(`${server.url}/`);
    await expect(other.locator('h1').textContent()).resolves.toBe('Hello, Bea');
    await expect(other.getByRole('link', { name: 'Team', exact: true }).count()).resolves.toBe(0);
    await other.close();
  });

  it('changes a role in place and reports it', async () => {
    await page.reload();
    const row = page.locator('tr', { hasText: 'bea@example.com' });
    await row.getByRole('combobox').selectOption('admin');
    await page.locator('#toast', { hasText: 'Bea is now an admin.' }).waitFor();
    await expect(t.container.db('users').where({ email: 'bea@example.com' }).first()).resolves.toMatchObject({ role: 'admin' });
  });

  it('adds a Q&A snippet and finds it with "Try a question"', async () => {
    await page.getByRole('link', { name: 'Knowledge', exact: true }).click();
    await page.waitForURL(`${server.url}/knowledge`);
    await page.getByLabel('Question').fill('How do I cancel my subscription?');
    await page.getByLabel('Answer').fill('Go to Settings, then Plan, and press Cancel. Your data is kept for 30 days.');
    await Promise.all([page.waitForURL(`${server.url}/knowledge`), page.getByRole('button', { name: 'Add snippet' }).click()]);
    // The durable outcome, not the toast (which hides itself after a few seconds).
    await page.locator('table tr', { hasText: 'How do I cancel my subscription?' }).waitFor();
    await page.getByLabel('A visitor asks…').fill('hi! can I cancel my plan?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('#try-results .hit').first().waitFor();
    await expect(page.locator('#try-results .hit').first().textContent()).resolves.toContain('How do I cancel my subscription?');
    // htmx swapped the results in place; the page did not navigate.
    expect(new URL(page.url()).pathname).toBe('/knowledge');
    await page.screenshot({ path: screenshotPath('04-knowledge-try'), fullPage: true });
  });

  it('adds a website and shows its sync progress live, failures with reasons', async () => {
    await page.goto(`${server.url}/knowledge`);
    await page.getByLabel('Start page').fill(`${siteUrl}/`);
    await Promise.all([page.waitForURL(/\/knowledge\/sources\//), page.getByRole('button', { name: 'Add and read it' }).click()]);
    await page.locator('#sync-progress', { hasText: 'Waiting to start…' }).waitFor();
    // The background worker is not running in tests; run the queued sync here while the page polls.
    await t.container.services.knowledge.runNextSync();
    await page.locator('#sync-progress', { hasText: 'Synced.' }).waitFor();
    await expect(page.locator('#sync-progress .sync-counts').textContent()).resolves.toMatch(/Indexed \(new or changed\)\s*2/);
    await expect(page.locator('#sync-progress').textContent()).resolves.toContain('2 passages searchable now');
    await page.locator('#sync-progress summary').click();
    await expect(page.locator('#sync-progress .failures').textContent()).resolves.toContain('the server answered HTTP 404');
    await page.screenshot({ path: screenshotPath('05-website-synced'), fullPage: true });
  });

  it('looks right in dark mode and on a phone', async () => {
    await page.goto(`${server.url}/team`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('06-team-dark'), fullPage: true });
    const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(bg).toBe('rgb(15, 18, 24)');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: screenshotPath('07-team-phone'), fullPage: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('signs out, refuses a wrong password with a message, and signs back in', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.alert-error').textContent()).resolves.toContain('That email and password do not match an account.');
    await page.screenshot({ path: screenshotPath('08-login-error') });
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
  });

  it('has no serious accessibility problems on its pages, in light and dark mode', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const website = (await t.container.services.knowledge.listSources()).find((s) => s.kind === 'website');
      for (const path of ['/', '/team', '/knowledge', '/knowledge/try?q=cancel', `/knowledge/sources/${website?.id}`, '/account', '/settings/organisation']) {
        await page.goto(`${server.url}${path}`);
        found.push(...(await accessibilityProblems(page)).map((p) => `${scheme} ${path}: ${p}`));
      }
      const anonymous = await browser.newPage();
      await anonymous.emulateMedia({ colorScheme: scheme });
      for (const path of ['/login', '/password/forgot']) {
        await anonymous.goto(`${server.url}${path}`);
        found.push(...(await accessibilityProblems(anonymous)).map((p) => `${scheme} ${path}: ${p}`));
      }
      await anonymous.close();
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
