/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../fakes/mistral.js';
import { browserAvailable, openChatOn, screenshotPath } from '../support/browser.js';
import { useShopInBrowser } from '../support/shop.js';

const hasBrowser = browserAvailable();

/** A long answer scrolled to its end, so the visitor scrolled back up to read it. */
describe.skipIf(!hasBrowser)('a long answer, in a real browser', () => {
  let fake: FakeMistral;
  beforeAll(async () => {
    fake = await startFakeMistral();
    fake.pieceDelayMs = 5;
    const steps = Array.from({ length: 14 }, (_, i) => `${i + 1}. Step ${i + 1} of returning a parcel: print the label, pack the item, and keep the receipt for step ${i + 2}.`).join('\n');
    fake.reply = () => JSON.stringify({ answer: `FIRST LINE of the answer. Here is how:\n\n${steps}`, sources: [1], confidence: 'high', handoff: null });
  });
  afterAll(async () => {
    await fake?.close();
  });
  const s = useShopInBrowser({ env: () => ({ MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url }) });

  beforeAll(async () => {
    await s.t.container.services.knowledge.createSnippet('system', { question: 'How do I return a parcel?', answer: 'Print the label from your order page, pack the item and hand it in.' });
  });

  it('keeps the start of a new answer in view while it streams in', async () => {
    const { page, frame } = await openChatOn(s.browser, s.shop.url, { viewport: { width: 1000, height: 700 } });
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
