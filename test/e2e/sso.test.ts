/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfFor, signIn, startTestApp } from '../support/app.js';
import { accessibilityProblems, browserAvailable, launchBrowser, listen, screenshotPath } from '../support/browser.js';
import { startOidcProvider } from '../support/oidc.js';
import { freePort } from '../support/ports.js';

const hasBrowser = browserAvailable();

const ACCOUNTS = {
  ann: { email: 'ann@acme.test', verified: true, name: 'Ann Acme' },
  bob: { email: 'bob@other.test', verified: true, name: 'Bob Other' },
  eve: { email: 'owner@example.com', verified: false, name: 'Not the owner' },
};

type Idp = Awaited<ReturnType<typeof startOidcProvider>>;

/** Baton on a port known in advance (the provider must know where to send people back). */
async function startBaton(idp: Idp, port: number, env: Record<string, string> = {}, ahead = 0) {
  const t = await startTestApp({
    env: { BASE_URL: `http://127.0.0.1:${port}`, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_LABEL: 'Acme ID', OIDC_ALLOWED_DOMAINS: 'acme.test', ...env },
    overrides: ahead ? { clock: { now: () => new Date(Date.now() + ahead) } } : undefined,
  });
  await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  const server = await listen(t.app, port);
  return { t, server, url: `http://127.0.0.1:${port}` };
}

/** Through the provider's own sign-in and consent pages, as a person would, until back at Baton or a page of Baton's. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name=login]').waitFor();
  const provider = new URL(page.url()).origin;
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'anything');
  await page.click('button:has-text("Sign-in")');
  // The provider asks for consent the first time only: wait for that page or for Baton's.
  const consent = page.locator('button:has-text("Continue")');
  await Promise.race([consent.waitFor({ state: 'visible' }).catch(() => {}), page.waitForURL((u) => u.origin !== provider).catch(() => {})]);
  if (await consent.isVisible()) await consent.click();
}

describe.skipIf(!hasBrowser)('single sign-on with OpenID Connect, in a real browser', () => {
  let idp: Idp;
  let port: number;
  let browser: Browser;
  let baton: Awaited<ReturnType<typeof startBaton>> | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    idp = await startOidcProvider({ redirectUri: `http://127.0.0.1:${port}/login/sso/callback`, accounts: ACCOUNTS });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await baton?.server.close();
    await baton?.t.close();
    baton = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await idp?.close();
  });

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => problems.push(err.message));
    return page;
  };

  it('signs in someone from an allowed domain, makes their account, and refuses a replayed answer', async () => {
    baton = await startBaton(idp, port);
    // Two-factor sign-in required: a session from the provider is under the provider's policy.
    await baton.t.container.db('organisations').update({ require_two_factor: true });
    const page = await newPage();
    await page.goto(`${baton.url}/login`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('sso-01-login'), fullPage: true });
    await page.click('a:has-text("Sign in with Acme ID")');
    const callback = page.waitForRequest((r) => r.url().startsWith(`${baton!.url}/login/sso/callback`));
    await signInAtProvider(page, 'ann');
    const answered = (await callback).url();
    await page.waitForURL(`${baton.url}/`);
    expect(await page.locator('body').innerText()).toContain('Ann Acme');
    // A password sign-in in the same Baton is sent to set up two-factor first.
    const withPassword = supertest.agent(baton.t.app);
    await signIn(withPassword, 'owner@example.com');
    expect((await withPassword.get('/').expect(303)).headers.location).toBe('/account/two-factor');
    const [ann] = await baton.t.container.db('users').where({ email: 'ann@acme.test' });
    expect(ann).toMatchObject({ name: 'Ann Acme', role: 'agent', oidc_subject: `${idp.issuer} ann` });

    // The provider's answer, sent again: the round trip it belonged to is over.
    await page.goto(answered);
    expect(await page.locator('[role=alert]').innerText()).toContain('That sign-in took too long or was already used');
    // An answer with another state, in a round trip that is under way, is refused too.
    const api = supertest.agent(baton.t.app);
    expect((await api.get('/login/sso').expect(303)).headers.location).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
    const forged = await api.get(`/login/sso/callback?code=made-up&state=not-the-one&iss=${encodeURIComponent(idp.issuer)}`).expect(400);
    expect(forged.text).toContain('That sign-in took too long or was already used');
    // Two tabs: each round trip is its own, and an answer for one leaves the other waiting.
    const stateOf = (location: string) => new URL(location).searchParams.get('state')!;
    const first = stateOf((await api.get('/login/sso').expect(303)).headers.location as string);
    const second = stateOf((await api.get('/login/sso').expect(303)).headers.location as string);
    const bad = await api.get(`/login/sso/callback?code=made-up&state=${first}&iss=${encodeURIComponent(idp.issuer)}`).expect(401);
    expect(bad.text).toMatch(/Single sign-on did not complete: .*(grant|code)/i);
    expect((await api.get(`/login/sso/callback?code=made-up&state=${second}&iss=${encodeURIComponent(idp.issuer)}`).expect(401)).text).toContain('Single sign-on did not complete');
    expect(problems).toEqual([]);
  }, 60_000);

  it('refuses someone neither invited nor from an allowed domain until they are invited, and an unverified address', async () => {
    baton = await startBaton(idp, port);
    const page = await newPage();
    await page.goto(`${baton.url}/login`);
    await page.click('a:has-text("Sign in with Acme ID")');
    await signInAtProvider(page, 'bob');
    await page.waitForURL(/\/login\/sso\/callback/);
    expect(await page.locator('[role=alert]').innerText()).toContain('There is no Baton account for bob@other.test. Ask an admin to invite you.');
    await page.screenshot({ path: screenshotPath('sso-02-refused'), fullPage: true });

    const owner = (await baton.t.container.services.auth.userForSession(((await baton.t.container.db('users').where({ email: 'owner@example.com' }).first()) as { id: string }).id))!;
    await baton.t.container.services.team.invite(owner, { email: 'bob@other.test', role: 'admin' });
    await page.goto(`${baton.url}/login`);
    await page.click('a:has-text("Sign in with Acme ID")');
    // The provider may remember bob and send him straight back.
    await page.waitForLoadState();
    if (!page.url().startsWith(baton.url)) await signInAtProvider(page, 'bob');
    await page.waitForURL(`${baton.url}/`);
    expect(await baton.t.container.db('users').where({ email: 'bob@other.test' }).first()).toMatchObject({ role: 'admin' });

    const other = await newPage();
    await other.goto(`${baton.url}/login`);
    await other.click('a:has-text("Sign in with Acme ID")');
    await signInAtProvider(other, 'eve');
    await other.waitForURL(/\/login\/sso\/callback/);
    expect(await other.locator('[role=alert]').innerText()).toContain('has not verified owner@example.com');
  }, 60_000);

  it('refuses an ID token that has expired by Baton’s clock', async () => {
    baton = await startBaton(idp, port, {}, 2 * 3600_000);
    const page = await newPage();
    await page.goto(`${baton.url}/login`);
    await page.click('a:has-text("Sign in with Acme ID")');
    await signInAtProvider(page, 'ann');
    await page.waitForURL(/\/login\/sso\/callback/);
    expect(await page.locator('[role=alert]').innerText()).toMatch(/Single sign-on did not complete: .*(exp|expir)/i);
    expect(await baton.t.container.db('users').where({ email: 'ann@acme.test' }).first()).toBeUndefined();
  }, 60_000);

  it('refuses a provider whose discovery names another issuer, saying so', async () => {
    baton = await startBaton(idp, port, { OIDC_ISSUER: idp.issuer.replace('127.0.0.1', 'localhost') });
    const page = await newPage();
    await page.goto(`${baton.url}/login`);
    await page.click('a:has-text("Sign in with Acme ID")');
    expect(await page.locator('[role=alert]').innerText()).toMatch(/Single sign-on is not available: the provider at http:\/\/localhost:\d+ could not be read \(.*issuer/);
  }, 60_000);

  it('with OIDC_ONLY, offers no password form and refuses passwords and resets', async () => {
    baton = await startBaton(idp, port, { OIDC_ONLY: 'true' });
    // The Team page says how sign-in works here (an admin signed in through the provider).
    const admin = await newPage();
    await admin.goto(`${baton.url}/login`);
    await admin.click('a:has-text("Sign in with Acme ID")');
    await signInAtProvider(admin, 'ann');
    await admin.waitForURL(`${baton.url}/`);
    await baton.t.container.db('users').where({ email: 'ann@acme.test' }).update({ role: 'admin' });
    await admin.goto(`${baton.url}/team`);
    const card = await admin.locator('section:has(h2:has-text("Single sign-on"))').innerText();
    expect(card).toContain('The team can sign in with Acme ID');
    expect(card).toContain('People with an address at acme.test get an account (agent)');
    expect(card).toContain('Passwords are turned off');
    const api = supertest.agent(baton.t.app);
    const page = await api.get('/login').expect(200);
    expect(page.text).toContain('Sign in with Acme ID');
    expect(page.text).not.toContain('name="password"');
    const _csrf = await csrfFor(api, '/login');
    expect((await api.post('/login').type('form').send({ _csrf, email: 'owner@example.com', password: 'a long enough password' }).expect(403)).text).toContain('passwords are turned off here');
    expect((await api.post('/password/forgot').type('form').send({ _csrf, email: 'owner@example.com' }).expect(403)).text).toContain('Passwords are turned off here');
    // Nor through an invitation or a reset link: they say to sign in with the provider.
    for (const path of ['/invite', '/password/reset']) expect((await api.get(path).expect(403)).text).toContain('Sign in with Acme ID');
    expect((await api.post('/invite').type('form').send({ _csrf, name: 'X', password: 'a long enough password' }).expect(403)).text).toContain('An invitation is used at your first sign-in');
  });
});
