/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, launchBrowser, listen, screenshotPath } from '../support/browser.js';

const hasBrowser = browserAvailable();

/** An admin sets retention, finds a visitor by email, exports and erases their data, and reads the audit log. */
describe.skipIf(!hasBrowser)('privacy pages, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    server = await listen(t.app);
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const { conversations, visitors } = t.container.services;
    const { visitor } = await visitors.createVisitor({ language: 'en' });
    const ann = await visitors.identify(visitor, { email: 'ann@example.com', name: 'Ann' });
    const conversation = await conversations.start(ann);
    await conversations.receive(ann, conversation.id, { text: 'Please delete my account and everything you have on me.' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('retention, export, erasure after typing the address, and the audit log', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => void (msg.type() === 'error' && problems.push(msg.text())));

    await page.goto(`${server.url}/login`);
    await page.fill('#email', 'ada@example.com');
    await page.fill('#password', 'a long enough password');
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/`);

    await page.goto(`${server.url}/settings/privacy`);
    await page.fill('#conversationDays', '365');
    await page.fill('#visitorDataDays', '90');
    await page.uncheck('input[type=checkbox][name=llmHistory]');
    // Success toasts fade after 6 s, which a loaded CI machine can outlast: read the page the
    // redirect lands on as the server sent it.
    const landed = (path: string) => page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === path);
    const saved = landed('/settings/privacy');
    await page.click('button:has-text("Save")');
    expect(await (await saved).text()).toContain('Privacy settings saved');
    await page.waitForLoadState();
    expect(await page.inputValue('#conversationDays')).toBe('365');
    expect(await page.isChecked('input[type=checkbox][name=llmHistory]')).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('privacy-01-settings'), fullPage: true });

    await page.click('a:has-text("Find a visitor")');
    await page.fill('#email', 'ann@example.com');
    await page.click('button:has-text("Find")');
    await page.locator('#visitor-result').waitFor();
    expect(await page.locator('#visitor-result').innerText()).toContain('1 (1 messages)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export as JSON")')]);
    expect(download.suggestedFilename()).toMatch(/^baton-visitor-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('privacy-02-visitor'), fullPage: true });

    await page.fill('#confirm', 'ann@example.com');
    const erased = landed('/settings/privacy/visitors');
    await page.click('button:has-text("Erase everything")');
    expect(await (await erased).text()).toContain('Erased everything about that address');
    await page.waitForLoadState();

    await page.goto(`${server.url}/settings/audit`);
    const log = await page.locator('table').innerText();
    // Sentences, not action names and JSON (issue 18, item 14).
    expect(log).toContain('erased the data of the visitor a**@example.com');
    expect(log).toContain('exported the data of the visitor a**@example.com');
    expect(log).toContain('changed the privacy settings');
    expect(log).toContain('Conversation sent to the AI with each question: on → off');
    expect(log).toContain('signed in');
    expect(log).not.toMatch(/[{}]|llmHistory/);
    expect(log).not.toContain('ann@example.com');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('privacy-03-audit'), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
