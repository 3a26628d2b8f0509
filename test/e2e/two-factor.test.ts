/// <reference lib="dom" />
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, launchBrowser, listen, screenshotPath, signInThroughForm } from '../support/browser.js';

const hasBrowser = browserAvailable();
let ahead = 0;
const clock = { now: () => new Date(Date.now() + ahead) };

/** A teammate turns on two-factor sign-in from their profile, keeps their recovery codes, and signs in with a code. */
describe.skipIf(!hasBrowser)('two-factor sign-in, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    server = await listen(t.app);
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('sets up from a scanned code, shows the recovery codes once, then asks for a code at sign-in', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => void (msg.type() === 'error' && problems.push(msg.text())));
    const signInWithPassword = (landsOn?: string) => signInThroughForm(page, server.url, 'ada@example.com', { landsOn });

    await signInWithPassword();
    await page.goto(`${server.url}/account`);
    await page.click('a:has-text("Set up")');
    await page.click('button:has-text("Set up two-factor sign-in")');
    await page.locator('.qr svg').waitFor();
    const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('two-factor-01-setup'), fullPage: true });

    await page.fill('#code', TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() }));
    await page.fill('#enable-password', 'a long enough password');
    await page.click('button:has-text("Turn on")');
    await page.locator('.recovery-codes').waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    await page.screenshot({ path: screenshotPath('two-factor-02-codes'), fullPage: true });
    await page.click('a:has-text("I have saved them")');
    await expect(page.locator('main').textContent()).resolves.toContain('You have 10 recovery codes left.');

    await page.click('button:has-text("Sign out")');
    await signInWithPassword('/login/two-factor');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('two-factor-03-code') });
    ahead += 30_000;
    await page.fill('#code', TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() }));
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
