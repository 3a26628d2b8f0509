/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/services/integrations/signature.js';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, launchBrowser, listen, screenshotPath } from '../support/browser.js';
import { startReceiver } from '../support/receiver.js';

const hasBrowser = browserAvailable();

describe('Settings › Integrations over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { INTEGRATIONS_ALLOW_PRIVATE: 'true', INTEGRATIONS_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(async () => t?.close());

  it('is for admins only: an agent is refused every route', async () => {
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    const agent = await signedInTeammate(t, 'bob@example.com', 'Bob');
    const endpoint = await t.container.services.integrations.create('cli', { kind: 'webhook', name: 'CRM', url: 'http://127.0.0.1:9/hook', events: ['conversation.created'], includeQuestion: false, active: true });
    await agent.agent.get('/settings/integrations').expect(403);
    await agent.agent.get(`/settings/integrations/${endpoint.id}`).expect(403);
    for (const path of ['/settings/integrations', `/settings/integrations/${endpoint.id}`, `/settings/integrations/${endpoint.id}/delete`, `/settings/integrations/${endpoint.id}/secret`, `/settings/integrations/${endpoint.id}/test`, '/settings/integrations/deliveries/1/resend']) {
      await agent.post(path, { name: 'x', url: 'http://evil.example/', events: 'conversation.created' }).expect(403);
    }
    expect(await t.container.services.integrations.get(endpoint.id)).toMatchObject({ name: 'CRM', url: 'http://127.0.0.1:9/hook', secret: endpoint.secret });
  });
});

/** An admin adds a webhook, sees a mistake explained, tests it against a real receiver, and reads the log. */
describe.skipIf(!hasBrowser)('Settings › Integrations, in a real browser', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { INTEGRATIONS_ALLOW_PRIVATE: 'true', INTEGRATIONS_TIMEOUT_SECONDS: '2' } });
    server = await listen(t.app);
    receiver = await startReceiver();
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
    await t?.close();
  });

  it('add, correct, test, send again and delete', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => problems.push(err.message));
    // The form sent with a mistake is answered 422 on purpose; any other error is a problem.
    page.on('console', (msg) => void (msg.type() === 'error' && !msg.text().includes('status of 422') && problems.push(msg.text())));
    const landed = (path: string) => page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname.startsWith(path));

    await page.goto(`${server.url}/login`);
    await page.fill('#email', 'ada@example.com');
    await page.fill('#password', 'a long enough password');
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/`);

    await page.goto(`${server.url}/settings/integrations`);
    // Slack shows only what a channel can be told; a webhook, every event.
    await page.check('input[name=kind][value=slack]');
    expect(await page.isVisible('text=Include the visitor’s question')).toBe(true);
    expect(await page.isVisible('input[value="message.created"]')).toBe(false);
    await page.check('input[name=kind][value=webhook]');
    expect(await page.isVisible('input[value="message.created"]')).toBe(true);
    await page.fill('#name', 'CRM');
    await page.fill('#url', 'https://user:pw@crm.example/hook');
    await page.check('input[name=events][value="conversation.created"]');
    await page.click('button:has-text("Add")');
    await page.waitForLoadState();
    expect(await page.locator('#url-error').innerText()).toContain('no user name or password');
    expect(await page.inputValue('#name')).toBe('CRM');
    expect(await page.isChecked('input[name=events][value="conversation.created"]')).toBe(true);
    await page.screenshot({ path: screenshotPath('integrations-01-error'), fullPage: true });

    await page.fill('#url', receiver.url);
    const added = landed('/settings/integrations/');
    await page.click('button:has-text("Add")');
    expect(await (await added).text()).toContain('Its signing secret is below');
    await page.waitForLoadState();
    const secret = await page.locator('code.secret').innerText();
    expect(secret).toMatch(/^whsec_/);

    const tested = landed('/settings/integrations/');
    await page.click('button:has-text("Send a test")');
    expect(await (await tested).text()).toContain('The test arrived: the receiver answered 200.');
    await page.waitForLoadState();
    expect(receiver.received).toHaveLength(1);
    const ping = receiver.received[0]!;
    expect(ping.json).toMatchObject({ type: 'ping', data: { endpoint: { name: 'CRM' } } });
    expect(verify(secret, String(ping.headers['baton-signature']), ping.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(await page.locator('table.deliveries').innerText()).toMatch(/ping[\s\S]*delivered[\s\S]*200/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('integrations-02-endpoint'), fullPage: true });

    // A receiver that fails: the test says so in words, and the log keeps its answer.
    receiver.mode = 'fail';
    const failed = landed('/settings/integrations/');
    await page.click('button:has-text("Send a test")');
    expect(await (await failed).text()).toContain('The test did not arrive: it answered 500.');
    await page.waitForLoadState();
    receiver.mode = 'ok';
    const resent = landed('/settings/integrations/');
    await page.locator('table.deliveries button:has-text("Send again")').first().click();
    expect(await (await resent).text()).toContain('queued again');
    await t.container.services.integrations.dispatch();
    expect(receiver.received.at(-1)!.json.id).toBe(receiver.received.at(-2)!.json.id);

    const gone = landed('/settings/integrations');
    await page.click('button:has-text("Delete CRM")');
    expect(await (await gone).text()).toContain('CRM is deleted');
    expect(await t.container.services.integrations.list()).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
