import { createHmac } from 'node:crypto';
/// <reference lib="dom" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../fakes/mistral.js';
import { MAIL_SET, createUser, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, chatFrameOf, launchBrowser, listen, openWidget, screenshotPath } from '../support/browser.js';

const hasBrowser = browserAvailable();

/**
 * The widget as a visitor meets it: a shop's page on another origin embeds the loader; the chat
 * opens, a question gets a streamed answer with a citation link, and a reload keeps the thread.
 */
describe.skipIf(!hasBrowser)('the widget on a host page in a real browser', () => {
  let fake: FakeMistral;
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let site: http.Server;
  let siteUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const appRequests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fake = await startFakeMistral();
    fake.pieceDelayMs = 60;
    fake.reply = () =>
      JSON.stringify({ answer: 'To cancel, open **Settings → Plan** and press *Cancel*. Your data is kept for 60 days, so you can come back.', sources: [1], confidence: 'high', handoff: null });
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url, CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0', ...MAIL_SET } });
    server = await listen(t.app);
    // Open around the clock, so what the visitor is promised does not depend on when this runs.
    await t.container.services.availability.saveHours('system', { weekly: Array.from({ length: 7 }, () => '00:00-00:00'), closures: '' });
    // The shop's own site: another origin (127.0.0.2), its own CSS trying to restyle buttons, and
    // a help page the knowledge base crawls.
    site = http.createServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (req.url === '/help/cancel') {
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>Cancelling your subscription</title></head>
          <body><main><h1>Cancelling your subscription</h1><h2>How to cancel</h2><p>Open Settings, then Plan, and press Cancel. Your data is kept for 60 days after you cancel your subscription.</p></main></body></html>`);
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>Shop</title>
        <style>button { background: hotpink !important; border-radius: 0 !important; } body { font-family: serif; }</style></head>
        <body><h1>The Shop</h1><p>Our products.</p><a href="/about">About</a>
        <script src="${server.url}/widget.js" async data-colour="#0f766e"></script></body></html>`);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.2', r));
    siteUrl = `http://127.0.0.2:${(site.address() as AddressInfo).port}`;
    await t.container.services.knowledge.createWebsite('system', { startUrl: `${siteUrl}/help/cancel` });
    await t.container.services.knowledge.runNextSync();
    await t.container.services.widget.save('system', { allowedOrigins: siteUrl, colour: '#4f46e5', greeting: '', position: 'right', language: 'auto' });

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => {
      if (r.url().startsWith(server.url)) appRequests.push(new URL(r.url()).pathname);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
  });

  afterAll(async () => {
    await browser?.close();
    site?.closeAllConnections();
    site?.close();
    await server?.close();
    await t?.close();
    await fake?.close();
  });

  const chatFrame = () => chatFrameOf(page);

  it('loads the launcher and nothing else: no cookies, no storage, no requests beyond the script', async () => {
    await page.goto(siteUrl);
    await page.waitForFunction(() => (window as unknown as { Baton?: { loaded: boolean } }).Baton?.loaded === true);
    expect(appRequests).toEqual(['/widget.js']);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    expect(page.frames()).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('widget-01-closed') });
  });

  it('opens from the keyboard, streams a cited answer, and keeps the host CSS out', async () => {
    // The launcher is the page's second focusable element, after the "About" link.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const frame = await chatFrame();
    await frame.waitForSelector('#message-text');
    // The launcher keeps its own look despite the host page's `button { background: hotpink !important }`.
    const launcher = await page.evaluate(() => {
      const button = document.querySelector('[data-baton-widget]')!.shadowRoot!.querySelector('button')!;
      const style = getComputedStyle(button);
      return { background: style.backgroundColor, radius: style.borderRadius, label: button.getAttribute('aria-label'), expanded: button.getAttribute('aria-expanded') };
    });
    expect(launcher).toEqual({ background: 'rgb(15, 118, 110)', radius: '50%', label: 'Close chat', expanded: 'true' });
    await expect(frame.locator('h1').textContent()).resolves.toBe('Chat with us');
    await expect(frame.locator('.msg-greeting').textContent()).resolves.toContain('Ask me anything');

    // Opening gives focus to the message box.
    await frame.waitForFunction(() => document.activeElement?.id === 'message-text');
    await page.keyboard.type('How do I cancel my subscription?');
    await page.keyboard.press('Enter');

    // Part of the answer is on screen while the rest is still being written.
    await frame.waitForFunction(() => {
      const s = document.querySelector('.msg-pending .stream');
      return !!s && s.textContent!.length > 5 && !s.textContent!.includes('come back');
    });
    const midway = await frame.locator('.msg-pending .stream').textContent();
    expect(midway!.length).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('widget-02-streaming') });

    const answer = frame.locator('.msg-assistant:not(.msg-greeting):not(.msg-pending)').last();
    await answer.waitFor();
    await expect(answer.locator('.body strong').textContent()).resolves.toBe('Settings → Plan');
    const citation = answer.locator('.sources li a');
    await expect(citation.textContent()).resolves.toBe('Cancelling your subscription');
    await expect(citation.getAttribute('href')).resolves.toBe(`${siteUrl}/help/cancel`);
    await expect(answer.locator('.sources li .where').textContent()).resolves.toContain('How to cancel');
    await expect(citation.getAttribute('target')).resolves.toBe('_blank');
    await expect(frame.locator('.msg-visitor .body').textContent()).resolves.toBe('How do I cancel my subscription?');
    await expect(frame.locator('#message-text').inputValue()).resolves.toBe('');
    await page.screenshot({ path: screenshotPath('widget-03-answered') });
    expect(await accessibilityProblems(frame)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await accessibilityProblems(frame)).toEqual([]);
    await page.screenshot({ path: screenshotPath('widget-03-answered-dark') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Still no cookie anywhere. The visitor token is in the frame's own storage or, where the
    // browser blocks storage in third-party frames (as this headless Chromium does), kept by the
    // loader in the host page's storage, now that the visitor has opened the chat.
    expect(await context.cookies()).toEqual([]);
    const inFrame = await frame.evaluate(() => {
      try {
        return localStorage.getItem('baton.visitor');
      } catch {
        return null;
      }
    });
    const inHost = await page.evaluate(() => localStorage.getItem('baton.visitor'));
    expect(inFrame ?? inHost).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
  });

  it('keeps the conversation across a page load on the same site', async () => {
    await page.reload();
    await openWidget(page);
    const frame = await chatFrame();
    await frame.locator('.msg-visitor').first().waitFor();
    await expect(frame.locator('.msg-visitor .body').allTextContents()).resolves.toEqual(['How do I cancel my subscription?']);
    await expect(frame.locator('.msg-assistant .sources li').count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('widget-04-after-reload') });
  });

  it('records who the visitor is when the site calls Baton.identify', async () => {
    // The site vouches for the address (its server signs it with the key from Settings › Widget).
    const hash = createHmac('sha256', t.container.identityKey).update('jane@example.com').digest('hex');
    await page.evaluate((hash) => (window as unknown as { Baton: { identify(p: object): void } }).Baton.identify({ email: 'Jane@Example.com', name: 'Jane', hash }), hash);
    let rows: { email: string | null; name: string | null }[] = [];
    for (let i = 0; i < 50 && !rows.some((r) => r.email); i++) {
      await page.waitForTimeout(50);
      rows = await t.container.db('visitors').select('email', 'name');
    }
    expect(rows).toEqual([{ email: 'jane@example.com', name: 'Jane' }]);
  });

  it('asks the team at the press of a button and says so', async () => {
    const frame = await chatFrame();
    await frame.getByRole('button', { name: 'Talk to the team' }).click();
    await frame.locator('.msg-system').waitFor();
    // Nobody has the inbox open; the site told Baton who the visitor is.
    await expect(frame.locator('.msg-system').textContent()).resolves.toContain("I've passed this on to the team. Nobody is online right now. We'll reply to jane@example.com within 1 business day.");
    await expect(frame.locator('.followup-saved').textContent()).resolves.toContain("We'll email jane@example.com");
    await expect(frame.locator('.team-requested').textContent()).resolves.toContain('The team has been asked');
    const rows = await t.container.db('conversations').select('status');
    expect(rows).toEqual([{ status: 'queued' }]);
    await page.screenshot({ path: screenshotPath('widget-05-team') });
  });

  it('speaks the language the visitor writes in: the frame\'s own words follow it', async () => {
    const frame = await chatFrame();
    await frame.locator('#message-text').fill('Guten Tag, wie kann ich mein Abonnement bei Ihnen kündigen und bekomme ich dann mein Geld zurück?');
    await frame.locator('#message-text').press('Enter');
    await frame.waitForFunction(() => document.querySelector('#chat-title')?.textContent === 'Schreiben Sie uns');
    await expect(frame.locator('#message-text').getAttribute('placeholder')).resolves.toBe('Nachricht schreiben…');
    await expect(frame.locator('#composer [name=lang]').inputValue()).resolves.toBe('de');
    // The team was asked before: the bar says so, now in German, with no button to ask again.
    await expect(frame.locator('.team-requested').textContent()).resolves.toContain('Das Team ist informiert');
    await expect(frame.getByRole('button', { name: 'Talk to the team' }).count()).resolves.toBe(0);
    await expect(frame.locator('#chrome-language template').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('widget-05b-german') });
  });

  it('closes with Escape and gives focus back to the launcher', async () => {
    const frame = await chatFrame();
    await frame.locator('#message-text').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-baton-widget'));
    expect(problems).toEqual([]);
  });

  it('works on a phone-sized screen, full screen', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 780 });
    await phone.goto(siteUrl);
    await openWidget(phone);
    const frame = await chatFrameOf(phone);
    await frame.locator('.msg-visitor').first().waitFor();
    const box = await (await frame.frameElement()).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 780 });
    await phone.screenshot({ path: screenshotPath('widget-06-phone') });
    await phone.close();
  });

  it('lets an admin set the widget up, and try it on the preview page', async () => {
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const admin = await context.newPage();
    admin.setDefaultTimeout(10_000);
    await admin.goto(`${server.url}/login`);
    await admin.getByLabel('Email').fill('ada@example.com');
    await admin.getByLabel('Password').fill('a long enough password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(`${server.url}/`);
    await admin.goto(`${server.url}/settings/widget`);
    await expect(admin.locator('#allowedOrigins').inputValue()).resolves.toBe(siteUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await admin.getByRole('button', { name: 'Copy the snippet' }).click();
    await admin.getByRole('button', { name: 'Copied' }).waitFor();
    await expect(admin.evaluate(() => navigator.clipboard.readText())).resolves.toBe('<script src="http://baton.test/widget.js" async></script>');
    await admin.getByLabel('Greeting').fill('Hi from the preview!');
    await Promise.all([admin.waitForResponse((r) => r.request().method() === 'GET' && r.url() === `${server.url}/settings/widget`), admin.getByRole('button', { name: 'Save' }).click()]);
    await admin.waitForLoadState('load');
    // The saved value is shown again (the success toast fades after a few seconds, so it is not waited for).
    await expect(admin.getByLabel('Greeting').inputValue()).resolves.toBe('Hi from the preview!');
    expect((await t.container.services.widget.settings()).greeting).toBe('Hi from the preview!');
    expect(await accessibilityProblems(admin)).toEqual([]);
    await admin.screenshot({ path: screenshotPath('widget-07-settings'), fullPage: true });

    await admin.getByRole('link', { name: 'Open the preview' }).click();
    await openWidget(admin);
    const frame = await chatFrameOf(admin);
    await expect(frame.locator('.msg-greeting').textContent()).resolves.toContain('Hi from the preview!');
    await admin.screenshot({ path: screenshotPath('widget-08-preview') });
    await admin.close();
  });
});
