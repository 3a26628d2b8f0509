/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../fakes/mistral.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { browserAvailable, launchBrowser, listen, openChatOn, screenshotPath, shopSite } from '../support/browser.js';

const hasBrowser = browserAvailable();

/** A long answer scrolled to its end, so the visitor scrolled back up to read it. */
describe.skipIf(!hasBrowser)('a long answer, in a real browser', () => {
  let fake: FakeMistral;
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let shop: Awaited<ReturnType<typeof shopSite>>;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeMistral();
    fake.pieceDelayMs = 5;
    const steps = Array.from({ length: 14 }, (_, i) => `${i + 1}. Step ${i + 1} of returning a parcel: print the label, pack the item, and keep the receipt for step ${i + 2}.`).join('\n');
    fake.reply = () => JSON.stringify({ answer: `FIRST LINE of the answer. Here is how:\n\n${steps}`, sources: [1], confidence: 'high', handoff: null });
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url } });
    server = await listen(t.app);
    shop = await shopSite(server.url);
    await t.container.services.widget.save('system', { allowedOrigins: shop.url, colour: '#4f46e5', greeting: '', position: 'right', language: 'auto' });
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I return a parcel?', answer: 'Print the label from your order page, pack the item and hand it in.' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await server?.close();
    await t?.close();
    await fake?.close();
  });

  it('keeps the start of a new answer in view while it streams in', async () => {
    const { page, frame } = await openChatOn(browser, shop.url, { viewport: { width: 1000, height: 700 } });
    await frame.locator('#message-text').fill('How do I return a parcel?');
    await frame.locator('#message-text').press('Enter');
    const answer = frame.locator('.msg-assistant', { hasText: 'Step 14 of returning' });
    await answer.waitFor();
    await page.waitForTimeout(300);
    // The answer is taller than the thread's view, and its first line is on screen.
    const { answerTop, answerHeight, viewTop, viewHeight } = await frame.evaluate(() => {
      const view = document.getElementById('messages')!.getBoundingClientRect();
      const all = document.querySelectorAll('.msg-assistant');
      const a = all[all.length - 1]!.getBoundingClientRect();
      return { answerTop: a.top, answerHeight: a.height, viewTop: view.top, viewHeight: view.height };
    });
    expect(answerHeight).toBeGreaterThan(viewHeight);
    expect(answerTop).toBeGreaterThanOrEqual(viewTop - 1);
    expect(answerTop).toBeLessThan(viewTop + viewHeight / 2);
    await page.screenshot({ path: screenshotPath('widget-long-answer') });
  });
});
