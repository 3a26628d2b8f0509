/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, chatFrameOf, launchBrowser, listen, openWidget, screenshotPath, shopSite } from '../support/browser.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const hasBrowser = browserAvailable();
const copenhagenDate = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + days * 86_400_000));

/**
 * Outside support hours, in real Chromium: a visitor asks for a human, is told when the team is
 * back (in their own time zone), leaves an email; later an agent replies, the visitor gets the
 * reply by email, and its link opens the same conversation, where they write again.
 */
describe.skipIf(!hasBrowser)('the email follow-up, outside support hours, in a real browser', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let server: Awaited<ReturnType<typeof listen>>;
  let site: Awaited<ReturnType<typeof shopSite>>;
  let siteUrl: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Acme support <support@acme.test>', REPLY_BATCH_SECONDS: '0' } });
    server = await listen(t.app);
    site = await shopSite(server.url);
    siteUrl = site.url;
    // The organisation (Copenhagen time) exists from the first admin on.
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await t.container.services.widget.save('system', { allowedOrigins: siteUrl, colour: '#4f46e5', greeting: '', position: 'right', language: 'auto' });
    // Open every day around the clock, but closed today and tomorrow (Copenhagen): a move.
    await t.container.services.availability.saveHours('system', { weekly: Array.from({ length: 7 }, () => '00:00-00:00'), closures: `${copenhagenDate(0)}..${copenhagenDate(1)} Moving office` });
    await t.container.services.availability.savePromises('system', { firstResponseMinutes: 5, replyWithin: { amount: 1, unit: 'business_days' }, emailOfferAfterMinutes: 5, waitingReminderMinutes: 0, privacyPolicyUrl: 'https://shop.example/privacy' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
    await t?.close();
    await smtp?.close();
  });

  const watch = (who: string, p: Page) => {
    p.setDefaultTimeout(10_000);
    p.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${who}: ${msg.text()}`);
    });
    p.on('pageerror', (err) => problems.push(`${who}: ${err.message}`));
    p.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${who}: ${r.status()} ${r.request().method()} ${r.url()}`);
    });
  };

  it('tells the visitor when the team is back, takes their email, and emails the agent\'s reply with a link back to the thread', async () => {
    // A visitor in New York.
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    watch('visitor', page);
    await page.goto(siteUrl);
    await openWidget(page);
    const frame = await chatFrameOf(page);
    await frame.locator('#message-text').fill('Can I talk to a human? My parcel 1042 never arrived.');
    await frame.locator('#message-text').press('Enter');
    await frame.locator('.msg-system').waitFor();
    const notice = (await frame.locator('.msg-system').textContent()) ?? '';
    // Midnight in Copenhagen is 6 pm the evening before in New York.
    expect(notice).toMatch(/We're closed right now and back (?:tomorrow at|[A-Z][a-z]+day,) 6:00 PM E[SD]T\. Leave your email below and we'll reply within 1 business day\./);

    // Nobody can answer now: the email field is offered at once, with the consent line.
    const offer = frame.locator('.followup-offer');
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain('We use your email only to reply about this conversation.');
    await expect(offer.locator('a').getAttribute('href')).resolves.toBe('https://shop.example/privacy');
    await frame.getByLabel('Leave your email for the reply:').fill('not-an-email');
    await frame.getByRole('button', { name: 'Email me' }).click();
    // The browser's own check stops that one; a typo the browser lets through gets ours.
    await frame.getByLabel('Leave your email for the reply:').fill('vic@localhost');
    await frame.getByRole('button', { name: 'Email me' }).click();
    await frame.locator('.followup-error').waitFor();
    await expect(frame.locator('.followup-error').textContent()).resolves.toContain('name@example.com');
    await page.screenshot({ path: screenshotPath('followup-01-closed') });
    // (the 422 above is the expected answer to a bad address)
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('422')));

    await frame.getByLabel('Leave your email for the reply:').fill('vic@example.org');
    await frame.getByRole('button', { name: 'Email me' }).click();
    await frame.locator('.followup-saved').waitFor();
    await expect(frame.locator('.followup-saved').textContent()).resolves.toContain("Check your inbox: we sent a link to vic@example.org. Confirm it and the team's reply will come there too.");
    expect(await accessibilityProblems(frame)).toEqual([]);
    await page.screenshot({ path: screenshotPath('followup-02-email-left') });

    // A typed address is confirmed first: the email asks, the page it opens has the button.
    await t.container.services.followups.dispatch();
    const confirmation = await smtp.waitFor((m) => m.subject === 'Confirm your email address for Acme');
    expect(confirmation.text).not.toContain('parcel');
    const confirmLink = /http:\/\/baton\.test(\/email\/confirm\/[A-Za-z0-9_-]+)/.exec(confirmation.text ?? '')?.[1];
    expect(confirmLink).toBeTruthy();
    const mailTab = await context.newPage();
    watch('confirm', mailTab);
    await mailTab.goto(`${server.url}${confirmLink}`);
    expect(new URL(mailTab.url()).pathname).toBe('/email/confirm');
    await expect(mailTab.locator('main').textContent()).resolves.toContain("Send the team's replies to vic@example.org?");
    expect(await accessibilityProblems(mailTab)).toEqual([]);
    await mailTab.screenshot({ path: screenshotPath('followup-03-confirm') });
    await mailTab.getByRole('button', { name: 'Confirm' }).click();
    await mailTab.getByText('Confirmed. Replies from Acme will come to vic@example.org.').waitFor();
    await mailTab.close();

    // The acknowledgement.
    await t.container.services.followups.dispatch();
    const ack = await smtp.waitFor((m) => m.subject === 'We got your question (Acme)');
    expect(ack.text).toContain('My parcel 1042 never arrived.');
    expect(ack.text).toContain('within 1 business day');

    // The visitor leaves; later an agent replies from the inbox.
    await context.close();
    const { id } = (await t.container.db('conversations').first('id')) as { id: string };
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada', 'admin');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Sorry about that! Your parcel is at the depot and goes out again tomorrow.', kind: 'reply', clientId: 'reply-1' }).expect(200);
    expect(await t.container.services.followups.releaseReplies()).toEqual({ released: 1, skipped: 0 });
    await t.container.services.followups.dispatch();
    const reply = await smtp.waitFor((m) => m.subject === 'Reply from Ada (Acme)');
    expect(reply.text).toContain('Your parcel is at the depot');
    const link = /http:\/\/baton\.test(\/c\/[A-Za-z0-9_-]+)/.exec(reply.text ?? '')?.[1];
    expect(link).toBeTruthy();

    // The link opens the same conversation on a page of its own, in a fresh browser.
    const later = await browser.newContext({ viewport: { width: 900, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const hosted = await later.newPage();
    watch('hosted', hosted);
    await hosted.goto(`${server.url}${link}`);
    await hosted.locator('.msg-agent').waitFor();
    await expect(hosted.locator('#messages').textContent()).resolves.toContain('My parcel 1042 never arrived.');
    await expect(hosted.locator('.msg-agent').textContent()).resolves.toContain('Your parcel is at the depot');
    await hosted.locator('#message-text').fill('Great, thank you!');
    await hosted.locator('#message-text').press('Enter');
    await hosted.locator('.msg-visitor', { hasText: 'Great, thank you!' }).waitFor();
    const stored = await t.container.db('messages').where({ conversation_id: id, author: 'visitor' }).orderBy('created_at');
    expect(stored.map((m: { text: string }) => m.text)).toEqual(['Can I talk to a human? My parcel 1042 never arrived.', 'Great, thank you!']);
    expect(await accessibilityProblems(hosted)).toEqual([]);
    await hosted.screenshot({ path: screenshotPath('followup-03-hosted-thread') });
    await later.close();

    expect(problems).toEqual([]);
  });
});
