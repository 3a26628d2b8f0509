/// <reference lib="dom" />
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInTeammate } from '../support/app.js';
import { browserAvailable, openChatOn, screenshotPath } from '../support/browser.js';
import { useShopInBrowser } from '../support/shop.js';

const hasBrowser = browserAvailable();

/** "Talk to the team" before any question reached the team as "No messages yet". */
describe.skipIf(!hasBrowser)('"Talk to the team" before a question, in a real browser', () => {
  const s = useShopInBrowser();

  beforeAll(async () => {
    await createUser(s.t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  });

  it('asks what about, and hands off with the answer, which the team sees as the question', async () => {
    const { page, frame } = await openChatOn(s.browser, s.shop.url);
    await frame.getByRole('button', { name: 'Talk to the team' }).click();
    await frame.locator('.msg-system').waitFor();
    await expect(frame.locator('.msg-system').textContent()).resolves.toContain("What can we help with? Write your question and I'll pass it on to the team.");
    expect(await s.t.container.db('conversations').select('status')).toEqual([{ status: 'bot' }]);
    await page.screenshot({ path: screenshotPath('widget-ask-first-01') });

    await frame.locator('#message-text').fill('My invoice shows the wrong VAT number');
    await frame.locator('#message-text').press('Enter');
    await frame.locator('.msg-system', { hasText: "I've passed this on to the team" }).waitFor();
    // No AI answer to it: the team has it, with the question.
    expect(await frame.locator('.msg-assistant').count()).toBe(1); // the greeting
    const conversation = await s.t.container.db('conversations').first();
    expect(conversation.status).toBe('queued');
    expect(conversation.handoff).toMatchObject({ reason: 'person_request' });
    const ada = await signedInTeammate(s.t, 'ada@example.com', 'Ada');
    const inbox = await ada.agent.get('/inbox?queue=waiting');
    expect(inbox.text).toContain('My invoice shows the wrong VAT number');
    expect(inbox.text).not.toContain('No messages yet');
  });

  it('without a model key, answers with cited excerpts of the content, labelled as such (the README screenshot)', async () => {
    await s.t.container.services.knowledge.createSnippet('system', { question: 'How do I return a parcel?', answer: 'Print the return label from your order page, pack the item with its receipt, and drop it at any post office within 30 days. The refund reaches your card within 5 working days.' });
    const { page, frame } = await openChatOn(s.browser, s.shop.url);
    await frame.locator('#message-text').fill('How can I return a parcel?');
    await frame.locator('#message-text').press('Enter');
    const answer = frame.locator('.msg-assistant.msg-excerpts');
    await answer.waitFor();
    await expect(answer.locator('.who').textContent()).resolves.toMatch(/AI assistant · /);
    await expect(answer.locator('.body').textContent()).resolves.toContain('Print the return label from your order page');
    await expect(answer.locator('.sources li').first().textContent()).resolves.toContain('How do I return a parcel?');
    await page.screenshot({ path: screenshotPath('widget-excerpts') });
  });
});
