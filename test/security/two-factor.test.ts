import { Secret, TOTP } from 'otpauth';
import type supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, csrfFor, signIn, signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp | undefined;
let smtp: TestSmtp | undefined;
/** The app's clock runs this far ahead: each step of 30 s makes a new code. */
let ahead = 0;
const clock = { now: () => new Date(Date.now() + ahead) };
afterEach(async () => {
  await t?.close();
  await smtp?.close();
  t = undefined;
  smtp = undefined;
  ahead = 0;
});

const codeFor = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() });
const nextStep = () => void (ahead += 30_000);

/** Sets up two-factor sign-in for the signed-in `agent`, as a person would: start, scan, confirm. */
async function enable(agent: supertest.Agent): Promise<{ secret: string; codes: string[] }> {
  const token = await csrfFor(agent, '/account/two-factor');
  await agent.post('/account/two-factor/start').type('form').send({ _csrf: token }).expect(303);
  const page = await agent.get('/account/two-factor').expect(200);
  expect(page.text).toContain('<svg');
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.text)![1]!.replace(/ /g, '');
  const wrongPassword = await agent.post('/account/two-factor/enable').type('form').send({ _csrf: token, code: codeFor(secret), password: 'not my password' });
  expect(wrongPassword.status).toBe(422);
  const done = await agent.post('/account/two-factor/enable').type('form').send({ _csrf: token, code: codeFor(secret), password: 'a long enough password' }).expect(200);
  const codes = [...done.text.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

/** Password first; resolves with the response to the code. */
async function signInWithCode(agent: supertest.Agent, email: string, code: string) {
  const first = await signIn(agent, email);
  expect(first.status).toBe(303);
  expect(first.headers.location).toBe('/login/two-factor');
  const token = await csrfFor(agent, '/login/two-factor');
  return agent.post('/login/two-factor').type('form').send({ _csrf: token, code });
}

/** The inbox holds customers' personal data: a stolen password alone must not open it. */
describe('two-factor sign-in', () => {
  it('once on, a password alone does not sign in; each code works once, and the secret is stored sealed', async () => {
    t = await startTestApp({ overrides: { clock } });
    const { agent } = await signedInAdmin(t, '/inbox');
    const { secret } = await enable(agent);
    const stored = await t.container.db('user_two_factor').first();
    expect(stored.secret).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const browser = t.agent();
    // The code used to turn it on has been used.
    const replayed = await signInWithCode(browser, 'ada@example.com', codeFor(secret));
    expect(replayed.status).toBe(401);
    expect((await browser.get('/inbox')).status).toBe(303);
    nextStep();
    const code = codeFor(secret);
    const codeToken = await csrfFor(browser, '/login/two-factor');
    const ok = await browser.post('/login/two-factor').type('form').send({ _csrf: codeToken, code });
    expect(ok.status).toBe(303);
    expect((await browser.get('/inbox')).status).toBe(200);
    // The same code on another browser, within its 30 seconds: refused.
    expect((await signInWithCode(t.agent(), 'ada@example.com', code)).status).toBe(401);
    const signedIn = await t.container.db('audit_events').where({ action: 'login.succeeded' }).orderBy('id', 'desc').first();
    expect(signedIn.details).toEqual({ second: 'app' });
    // Without the password step, the code page sends back to sign-in.
    expect((await t.agent().get('/login/two-factor')).headers.location).toBe('/login');
  });

  it('takes each recovery code once, and counts wrong codes towards the lockout however often the password is right', async () => {
    t = await startTestApp({ overrides: { clock }, env: { LOGIN_MAX_ATTEMPTS: '4' } });
    const { agent } = await signedInAdmin(t, '/inbox');
    const { codes } = await enable(agent);
    expect((await signInWithCode(t.agent(), 'ada@example.com', codes[0]!.toUpperCase())).status).toBe(303);
    expect((await signInWithCode(t.agent(), 'ada@example.com', codes[0]!)).status).toBe(401);
    expect((await t.container.db('audit_events').where({ action: 'two_factor.recovery_used' })).length).toBe(1);

    // The replayed code and three more wrong ones, each after the right password: locked on the fourth.
    for (let i = 0; i < 2; i++) expect((await signInWithCode(t.agent(), 'ada@example.com', '000000')).status).toBe(401);
    const locked = await signInWithCode(t.agent(), 'ada@example.com', '111111');
    expect(locked.status).toBe(401);
    expect(locked.text).toContain('Too many attempts');
    // Locked: even a good recovery code waits for the lockout to pass.
    expect((await signInWithCode(t.agent(), 'ada@example.com', codes[1]!)).text).toContain('Too many attempts');
  });

  it('a password reset link does not skip the code', async () => {
    smtp = await startSmtp();
    t = await startTestApp({ overrides: { clock }, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Baton <support@acme.test>' } });
    const { agent } = await signedInAdmin(t, '/inbox');
    const { secret } = await enable(agent);
    const browser = t.agent();
    // (The token first: the agent attaches its cookies when a request is made.)
    const forgotToken = await csrfFor(browser, '/password/forgot');
    const asked = await browser.post('/password/forgot').type('form').send({ _csrf: forgotToken, email: 'ada@example.com' });
    expect(asked.text).toContain('a reset link is on its way');
    await t.container.services.auth.settled();
    const mail = await smtp.waitFor((m) => (m.text ?? '').includes('/password/reset/'));
    const link = /\/password\/reset\/[^\s"<>]+/.exec(mail.text ?? '')![0];
    await browser.get(link).expect(303);
    const resetToken = await csrfFor(browser, '/password/reset');
    const reset = await browser.post('/password/reset').type('form').send({ _csrf: resetToken, password: 'a brand new long password' });
    expect(reset.headers.location).toBe('/login/two-factor');
    expect((await browser.get('/inbox')).status).toBe(303);
    nextStep();
    const codeToken = await csrfFor(browser, '/login/two-factor');
    await browser.post('/login/two-factor').type('form').send({ _csrf: codeToken, code: codeFor(secret) }).expect(303);
    expect((await browser.get('/inbox')).status).toBe(200);
  });

  it('when an admin requires it, a teammate without it can do nothing else until it is set up, and cannot turn it off; an admin can reset it', async () => {
    t = await startTestApp({ overrides: { clock } });
    const { agent: admin, token } = await signedInAdmin(t, '/team');
    await createUser(t, { email: 'bob@example.com', name: 'Bob' });
    const bob = t.agent();
    await signIn(bob, 'bob@example.com');
    expect((await bob.get('/inbox')).status).toBe(200);

    const required = await admin.post('/team/two-factor').type('form').send({ _csrf: token, required: 'on' });
    expect(required.status, required.text.slice(0, 2000)).toBe(303);
    expect((await t.container.db('audit_events').where({ action: 'settings.changed', target: 'Two-factor sign-in' }).first()).details).toEqual({ required: { from: false, to: true } });
    const sent = await bob.get('/inbox');
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/account/two-factor');
    const bobToken = await csrfFor(bob, '/account/two-factor');
    expect((await bob.post('/inbox/presence').set('HX-Request', 'true').set('X-CSRF-Token', bobToken).type('form').send({})).status).toBe(403);
    const { secret } = await enable(bob);
    expect((await bob.get('/inbox')).status).toBe(200);
    const off = await bob.post('/account/two-factor/disable').type('form').send({ _csrf: bobToken, password: 'a long enough password' });
    expect(off.status).toBe(422);
    expect(off.text).toContain('requires two-factor sign-in');

    // The admin is held to it too, then can act again. Bob lost his phone: the admin resets it,
    // and Bob signs in with his password and is asked to set it up again.
    expect((await admin.get('/team')).headers.location).toBe('/account/two-factor');
    await enable(admin);
    const bobId = (await t.container.db('users').where({ email: 'bob@example.com' }).first()).id as string;
    await admin.post(`/team/users/${bobId}/two-factor/reset`).type('form').send({ _csrf: token }).expect(303);
    expect(await t.container.db('user_two_factor').where({ user_id: bobId }).first()).toBeUndefined();
    const again = t.agent();
    expect((await signIn(again, 'bob@example.com')).headers.location).toBe('/');
    expect((await again.get('/inbox')).headers.location).toBe('/account/two-factor');
    void secret;
  });

  it('cannot be turned on with a key this server did not issue, or over one already on; turning it on ends other sessions', async () => {
    t = await startTestApp({ overrides: { clock } });
    const { agent } = await signedInAdmin(t, '/inbox');
    const other = t.agent();
    await signIn(other, 'ada@example.com');
    expect((await other.get('/inbox')).status).toBe(200);
    const token = await csrfFor(agent, '/account/two-factor');
    // Without /start, the key would be empty, and its codes anyone's.
    const empty = await agent.post('/account/two-factor/enable').type('form').send({ _csrf: token, code: codeFor(''), password: 'a long enough password' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Start the set-up again');
    await enable(agent);
    // The browser signed in with the password alone is signed out.
    expect((await other.get('/inbox')).status).toBe(303);
    expect((await agent.get('/inbox')).status).toBe(200);
    // A second set-up over the first is refused.
    await agent.post('/account/two-factor/start').type('form').send({ _csrf: token }).expect(303);
    expect((await t.container.db('users').first()).two_factor_at).not.toBeNull();
    const again = await agent.post('/account/two-factor/enable').type('form').send({ _csrf: token, code: '123456', password: 'a long enough password' });
    expect(again.status).toBe(422);
    expect(again.text).toContain('already on');
  });

  it('counts code attempts apart from passwords: parallel guesses and a password reset buy no extra tries', async () => {
    t = await startTestApp({ overrides: { clock }, env: { LOGIN_MAX_ATTEMPTS: '4' } });
    const { agent } = await signedInAdmin(t, '/inbox');
    await enable(agent);
    const browser = t.agent();
    await signIn(browser, 'ada@example.com');
    const token = await csrfFor(browser, '/login/two-factor');
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => browser.post('/login/two-factor').type('form').send({ _csrf: token, code: String(100000 + i) })));
    const wrong = guesses.filter((g) => g.text.includes('That code is not right')).length;
    // At most three wrong answers were checked; the rest met the lockout (or the ended second step).
    expect(wrong).toBeLessThanOrEqual(3);
    expect(guesses.filter((g) => g.text.includes('Too many attempts') || g.headers.location === '/login').length).toBe(8 - wrong);
    // A reset of the password (which clears password failures) leaves the code locked.
    await t.container.db('users').update({ failed_logins: 0, locked_until: null });
    const after = await signInWithCode(t.agent(), 'ada@example.com', '999999');
    expect(after.text).toContain('Too many attempts');
  });

  it('turning it off takes the password and a code; an admin resets only others\'; wrong passwords there count towards the lockout', async () => {
    t = await startTestApp({ overrides: { clock }, env: { LOGIN_MAX_ATTEMPTS: '3' } });
    const { agent, user } = await signedInAdmin(t, '/inbox');
    const { secret } = await enable(agent);
    const token = await csrfFor(agent, '/account/two-factor');
    const noCode = await agent.post('/account/two-factor/disable').type('form').send({ _csrf: token, password: 'a long enough password', code: '000000' });
    expect(noCode.status).toBe(422);
    expect(noCode.text).toContain('That code is not right');
    const own = await agent.post(`/team/users/${user.id}/two-factor/reset`).type('form').send({ _csrf: await csrfFor(agent, '/team') });
    expect(own.status).toBe(422);
    expect((await t.container.db('user_two_factor').first())).toBeDefined();
    nextStep();
    await agent.post('/account/two-factor/disable').type('form').send({ _csrf: token, password: 'a long enough password', code: codeFor(secret) }).expect(303);
    expect(await t.container.db('user_two_factor').first()).toBeUndefined();

    for (let i = 0; i < 3; i++) await agent.post('/account/two-factor/recovery-codes').type('form').send({ _csrf: token, password: `guess ${i}` });
    expect((await t.container.db('users').first()).locked_until).not.toBeNull();
  });
});
