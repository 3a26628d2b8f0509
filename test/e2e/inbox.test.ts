/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, chatFrameOf, launchBrowser, listen, openWidget, screenshotPath, shopSite } from '../support/browser.js';

const hasBrowser = browserAvailable();

const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

type Flagged = { __streamReady?: number };

/**
 * The handoff as both people live it, in real Chromium: a visitor on a shop's page asks for a
 * human; an agent with the inbox open sees the conversation arrive without reloading, opens it,
 * claims it from the keyboard and replies; the visitor sees "Ada joined" and the reply live.
 */
describe.skipIf(!hasBrowser)('the inbox and the widget together in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let site: Awaited<ReturnType<typeof shopSite>>;
  let siteUrl: string;
  let browser: Browser;
  let agentPage: Page;
  let visitorPage: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    server = await listen(t.app);
    site = await shopSite(server.url);
    siteUrl = site.url;
    await t.container.services.widget.save('system', { allowedOrigins: siteUrl, colour: '#4f46e5', greeting: '', position: 'right', language: 'auto' });
    // Open around the clock, so what the visitor is promised does not depend on when this runs.
    await t.container.services.availability.saveHours('system', { weekly: Array.from({ length: 7 }, () => '00:00-00:00'), closures: '' });
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel.' });
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    await t.container.services.inbox.saveCannedResponse(ada, { shortcut: 'greet', text: 'Hi, I am Ada.' });

    browser = await launchBrowser();
    const agentContext = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-GB' });
    // The inbox's stream says "ready" once it listens; the test waits for that, not for a timer.
    await agentContext.addInitScript(() => {
      document.addEventListener('ready', () => ((window as Flagged).__streamReady = ((window as Flagged).__streamReady ?? 0) + 1));
    });
    agentPage = await agentContext.newPage();
    const visitorContext = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-GB' });
    visitorPage = await visitorContext.newPage();
    for (const [who, p] of [['agent', agentPage], ['visitor', visitorPage]] as const) {
      p.setDefaultTimeout(10_000);
      p.on('console', (msg) => {
        // Chromium's autofill leaves style="" on the inputs after the login form was filled, and
        // htmx copies attributes when it swaps; the CSP then blocks that empty style (its hash is
        // the empty string's). Nothing of ours is inline.
        if (msg.text().includes(EMPTY_STYLE_HASH)) return;
        if (msg.type() === 'error') problems.push(`${who}: ${msg.text()} at ${msg.location().url}:${msg.location().lineNumber}`);
      });
      p.on('pageerror', (err) => problems.push(`${who}: ${err.message}`));
      p.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${who}: ${r.status()} ${r.request().method()} ${r.url()}`);
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
    await t?.close();
  });

  it('lets a visitor reach a person: the agent sees it arrive live, claims, replies, and the visitor sees the reply live', async () => {
    // The agent signs in and keeps the waiting queue open.
    await agentPage.goto(`${server.url}/login`);
    await agentPage.getByLabel('Email').fill('ada@example.com');
    await agentPage.getByLabel('Password').fill('a long enough password');
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    await agentPage.waitForURL(`${server.url}/`);
    await agentPage.goto(`${server.url}/inbox`);
    await agentPage.waitForFunction(() => ((window as Flagged).__streamReady ?? 0) >= 1);
    await expect(agentPage.locator('.inbox-list').textContent()).resolves.toContain('Nobody is waiting.');

    // The visitor asks for a human in the widget.
    await visitorPage.goto(siteUrl);
    await openWidget(visitorPage);
    const frame = await chatFrameOf(visitorPage);
    await frame.locator('#message-text').fill('Can I talk to a human? My order #1234 never arrived.');
    await frame.locator('#message-text').press('Enter');
    await frame.locator('.msg-system').waitFor();
    // Ada has the inbox open, so someone is available.
    await expect(frame.locator('.msg-system').textContent()).resolves.toContain('A teammate will join shortly (usually within 5 minutes).');

    // It arrives in the agent's queue without a reload.
    const row = agentPage.locator('.conv-row').first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('My order #1234 never arrived.');
    await expect(row.textContent()).resolves.toContain('Asked for a person');
    await expect(agentPage.locator('#count-waiting').textContent()).resolves.toBe('1');
    await agentPage.screenshot({ path: screenshotPath('inbox-01-arrived') });

    // Opening it shows why, the summary and the thread; "c" claims it.
    await row.locator('a').click();
    await agentPage.locator('#conversation-body').waitFor();
    await agentPage.waitForFunction(() => ((window as Flagged).__streamReady ?? 0) >= 2);
    await expect(agentPage.locator('.handoff').textContent()).resolves.toContain('Asked for a person');
    await agentPage.keyboard.press('c');
    await agentPage.locator('.conv-status', { hasText: 'Assigned to you' }).waitFor();
    await frame.locator('.msg-system', { hasText: 'Ada joined the conversation.' }).waitFor();
    await frame.locator('.team-requested', { hasText: 'You are chatting with Ada' }).waitFor();

    // The visitor types; the agent sees it.
    await frame.locator('#message-text').pressSequentially('Hel');
    await agentPage.locator('#typing', { hasText: 'The visitor is typing' }).waitFor();

    // "r" goes to the reply box; "/gre" and Tab insert a saved reply; Ctrl+Enter sends.
    await agentPage.keyboard.press('r');
    await agentPage.keyboard.type('/gre');
    await agentPage.locator('#canned-menu li[aria-selected="true"]', { hasText: '/greet' }).waitFor();
    await agentPage.keyboard.press('Tab');
    await expect(agentPage.locator('#composer-text').inputValue()).resolves.toBe('Hi, I am Ada.');
    await agentPage.keyboard.type(' I am looking at order #1234 now.');
    await agentPage.keyboard.press('Control+Enter');
    await agentPage.locator('.tl-agent', { hasText: 'I am looking at order #1234 now.' }).waitFor();
    await expect(agentPage.locator('#composer-text').inputValue()).resolves.toBe('');

    // The visitor sees the reply live, under Ada's name.
    const reply = frame.locator('.msg-agent', { hasText: 'I am looking at order #1234 now.' });
    await reply.waitFor();
    await expect(reply.locator('.who').textContent()).resolves.toBe('Ada');
    await visitorPage.screenshot({ path: screenshotPath('inbox-02-visitor-sees-reply') });

    // The visitor answers; it appears in the agent's timeline live.
    await frame.locator('#message-text').fill('Thank you!');
    await frame.locator('#message-text').press('Enter');
    await agentPage.locator('.tl-visitor', { hasText: 'Thank you!' }).waitFor();
    await agentPage.screenshot({ path: screenshotPath('inbox-03-conversation') });

    // "e" resolves; the visitor is told.
    await agentPage.locator('#composer-text').blur();
    await agentPage.keyboard.press('e');
    await agentPage.locator('.conv-status', { hasText: 'Resolved' }).waitFor();
    await frame.locator('.msg-system', { hasText: 'marked as resolved' }).waitFor();
    await frame.getByRole('button', { name: 'Talk to the team' }).waitFor();

    expect(problems).toEqual([]);
    // Last: axe injects its own styles, which the inbox's CSP reports.
    expect(await accessibilityProblems(agentPage)).toEqual([]);
  });

  it('shows the keyboard shortcuts with "?"', async () => {
    await agentPage.keyboard.press('?');
    await agentPage.locator('#shortcuts[open]').waitFor();
    await expect(agentPage.locator('#shortcuts').textContent()).resolves.toContain('Next / previous conversation');
    await agentPage.screenshot({ path: screenshotPath('inbox-04-shortcuts') });
    await agentPage.keyboard.press('Escape');
  });
});
