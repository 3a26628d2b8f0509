/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, launchBrowser, listen, screenshotPath, signInThroughForm } from '../support/browser.js';

const hasBrowser = browserAvailable();

/**
 * Home used to say "the chat widget and the inbox are not part of this version yet". It now
 * shows a getting-started checklist that ticks itself, who is waiting, and whether the chat is
 * closed right now.
 */
describe.skipIf(!hasBrowser)('Home, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    server = await listen(t.app);
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => problems.push(err.message));
    await signInThroughForm(page, server.url, email);
    return page;
  }
  const ticked = (page: Page) => page.locator('.checklist li.done a').allTextContents();

  it('ticks each step as it happens, and says how many visitors wait and when the chat is closed', async () => {
    const page = await signedIn('ada@example.com');
    // Only the address is settled (BASE_URL is set in tests); nothing else has happened yet.
    expect(await ticked(page)).toEqual(['Set the public address']);
    await expect(page.locator('.checklist-card').textContent()).resolves.toContain('1 of 7 done.');
    expect(await page.locator('main').textContent()).not.toContain('not part of this version');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('home-01-new'), fullPage: true });

    // Knowledge, a question tried, hours, a visitor on the shop's site, a teammate invited.
    const s = t.container.services;
    const ada = (await t.container.db('users').where({ email: 'ada@example.com' }).first()) as { id: string };
    const admin = await s.auth.userForSession(ada.id);
    await s.knowledge.createSnippet(admin!, { question: 'How do I return a parcel?', answer: 'Print the label from your order page.' });
    await page.goto(`${server.url}/knowledge/try?q=${encodeURIComponent('return a parcel')}`);
    await s.availability.saveHours(admin!, { weekly: Array.from({ length: 7 }, () => ''), closures: '' });
    await s.team.invite(admin!, { email: 'bob@example.com', role: 'agent' });
    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/orders' }).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Where is my parcel?' }).expect(201);
    await api.post(`/api/v1/conversations/${id}/handoff`).set(auth).send({}).expect(200);

    await page.goto(`${server.url}/`);
    expect(await ticked(page)).toEqual(['Add what Baton answers from', 'Try a question', 'Set the public address', 'Install the widget and see your first visitor', 'Set your support hours', 'Invite your team']);
    await expect(page.locator('.checklist-card').textContent()).resolves.toContain('6 of 7 done.');
    await expect(page.locator('.big-number').textContent()).resolves.toContain('1 visitor waiting');
    // Closed every day now: said on Home, not only to visitors.
    await expect(page.locator('.notice.warn').textContent()).resolves.toContain('Your chat is closed now');
    await page.screenshot({ path: screenshotPath('home-02-almost'), fullPage: true });

    // An agent sees who waits, without the admin's checklist.
    await createUser(t, { email: 'cy@example.com', name: 'Cy' });
    const agent = await signedIn('cy@example.com');
    await expect(agent.locator('.big-number').textContent()).resolves.toContain('1 visitor waiting');
    expect(await agent.locator('.checklist').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
