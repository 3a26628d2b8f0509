import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { csrfFor, signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { browserAvailable, launchBrowser, listen } from '../support/browser.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const hasBrowser = browserAvailable();

let t: TestApp | undefined;
let smtp: TestSmtp | undefined;
let server: Awaited<ReturnType<typeof listen>> | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
  await smtp?.close();
});

const tokenIn = (text: string | undefined, path: string) => new RegExp(`${path}/([^\\s"<>]+)`).exec(text ?? '')?.[1];

/**
 * Pages opened from emailed links (a password reset, an invitation, a visitor's conversation)
 * had the link's token in their URL; the scripts and streams they load sent it on in Referer,
 * and the request log wrote the headers down. Browsed here as a person would, in Chromium.
 */
describe.skipIf(!hasBrowser)('tokens in emailed links', () => {
  it('leave the address bar at once, are sent on by no request, and never reach the log', async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), LOG_LEVEL: 'debug' } });
    server = await listen(t.app);
    const { agent: admin, token } = await signedInAdmin(t, '/team');
    await admin.post('/team/invites').type('form').send({ email: 'ben@example.com', role: 'agent', _csrf: token });
    const invite = tokenIn((await smtp.waitFor((m) => (m.text ?? '').includes('/invite/'))).text, '/invite')!;
    const resetter = t.agent();
    const resetCsrf = await csrfFor(resetter, '/password/forgot');
    await resetter.post('/password/forgot').type('form').send({ email: 'ada@example.com', _csrf: resetCsrf });
    const reset = tokenIn((await smtp.waitFor((m) => (m.text ?? '').includes('/password/reset/'))).text, '/password/reset')!;
    const { token: visitorToken } = (await t.agent().post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const conv = (await t.agent().post('/api/v1/conversations').set({ Authorization: `Bearer ${visitorToken}` }).send({}).expect(201)).body as { id: string };
    const link = t.container.conversationLinks.sign(conv.id, new Date(Date.now() + 86_400_000));
    expect([invite, reset, link].every(Boolean)).toBe(true);

    browser = await launchBrowser();
    const referers: string[] = [];
    const pages: [path: string, landsOn: string, shows: string][] = [
      [`/invite/${invite}`, '/invite', 'Join'],
      [`/password/reset/${reset}`, '/password/reset', 'Choose a new password'],
      [`/c/${link}`, '/c', 'Chat with us'],
    ];
    for (const [path, landsOn, shows] of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('request', (r) => referers.push(r.headers().referer ?? ''));
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe(landsOn);
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');
      await page.getByText(shows).first().waitFor();
      // The page works from there: a reload keeps it (the session, or a cookie only /c reads).
      await page.reload({ waitUntil: 'load' });
      await page.getByText(shows).first().waitFor();
      expect(new URL(page.url()).pathname).toBe(landsOn);
      await context.close();
    }

    const log = JSON.stringify(t.logs);
    // The browsing above is in the log; no credential, and no request header, is.
    expect(log).toContain('"url":"/password/reset"');
    expect(log).toContain('/c/[redacted]');
    for (const [name, secret] of Object.entries({ invite, reset, link, visitorToken })) {
      expect(log.includes(secret), `${name} is in the log`).toBe(false);
      expect(referers.some((r) => r.includes(secret)), `${name} was sent as a Referer`).toBe(false);
    }
    expect(log).not.toMatch(/"headers"|"referer"|"user-agent"/i);
  }, 60_000);
});
