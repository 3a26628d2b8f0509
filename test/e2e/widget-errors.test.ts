/// <reference lib="dom" />
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openChatOn, screenshotPath } from '../support/browser.js';
import { useShopInBrowser } from '../support/shop.js';

const hasBrowser = browserAvailable();

/**
 * Visitors saw developer text ("A valid visitor token is required: create one with POST
 * /api/v1/visitors") after an erasure, and a message that failed to send was lost with the box
 * emptied. Every failure is now a sentence for a visitor, in their language, and the message
 * stays in the box.
 */
describe.skipIf(!hasBrowser)('when sending fails, in a real browser', () => {
  const s = useShopInBrowser();
  const problems: string[] = [];

  beforeAll(async () => {
    await s.t.container.services.knowledge.createSnippet('system', { question: 'How do I return a parcel?', answer: 'Print the label from your order page.' });
  });

  async function chat(locale: string): Promise<{ page: Page; frame: Frame }> {
    const opened = await openChatOn(s.browser, s.shop.url, { locale });
    opened.page.on('pageerror', (err) => problems.push(err.message));
    return opened;
  }
  const send = async (frame: Frame, text: string) => {
    await frame.locator('#message-text').fill(text);
    await frame.locator('#message-text').press('Enter');
  };

  it('an erased visitor is told the conversation is gone, in their language, and the message waits in the box to start a new one', async () => {
    const { page, frame } = await chat('da-DK');
    await send(frame, 'Hvordan returnerer jeg en pakke?');
    await frame.locator('.msg-visitor').first().waitFor();
    // Erased meanwhile (a privacy request): the token in the s.browser names nobody now.
    await s.t.container.db('visitors').delete();
    await send(frame, 'Og hvad koster det?');
    await frame.locator('#toast .toast').waitFor();
    await expect(frame.locator('#toast').textContent()).resolves.toContain('Denne samtale findes ikke længere. Din besked står stadig i feltet');
    await expect(frame.locator('#message-text').inputValue()).resolves.toBe('Og hvad koster det?');
    expect(await frame.locator('#toast').textContent()).not.toContain('api/v1');
    await page.screenshot({ path: screenshotPath('widget-errors-01-gone') });
    // Sent again: a new visitor and conversation, and the message is there.
    await frame.locator('#message-text').press('Enter');
    await frame.locator('.msg-visitor', { hasText: 'Og hvad koster det?' }).waitFor();
    expect(await s.t.container.db('visitors').count('* as n').first()).toEqual({ n: 1 });
  });

  it('with the server out of reach, says so and keeps the message', async () => {
    const { frame, page } = await chat('en-GB');
    await page.route('**/widget/messages', (route) => route.abort('connectionrefused'));
    await send(frame, 'Is anyone there?');
    await frame.locator('#toast .toast').waitFor();
    await expect(frame.locator('#toast').textContent()).resolves.toContain('Your message could not be sent: it is still in the box.');
    await expect(frame.locator('#message-text').inputValue()).resolves.toBe('Is anyone there?');
    await page.unroute('**/widget/messages');
    await frame.locator('#message-text').press('Enter');
    await frame.locator('.msg-visitor', { hasText: 'Is anyone there?' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('an expired conversation link shows its page without a script error', async () => {
    const page = await (await s.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${s.server.url}/c/not-a-real-token`);
    await expect(page.locator('h1').textContent()).resolves.toContain('This link is not valid');
    expect(errors).toEqual([]);
  });
});
