import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/services/ports.js';
import { createUser, csrfFor, sessionCookie, signIn, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

class TestClock implements Clock {
  constructor(public current = new Date('2026-11-24T10:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

describe('sign in and sign out', () => {
  it('signs in with the right password and issues a new session id at login', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', name: 'Ann', role: 'admin' });
    const agent = t.agent();
    const page = await agent.get('/login');
    const before = sessionCookie(page);
    expect(before).toBeDefined();
    const res = await signIn(agent, 'ANN@example.com ');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const after = sessionCookie(res);
    expect(after).toBeDefined();
    expect(after).not.toEqual(before);
    const home = await agent.get('/');
    expect(home.text).toContain('Hello, Ann');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('baton.sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    const gate = await agent.get('/team');
    expect(gate.headers.location).toBe('/login?returnTo=%2Fteam');
    const _csrf = await csrfFor(agent, '/login?returnTo=%2Fteam');
    const res = await agent.post('/login').type('form').send({ email: 'ann@example.com', password: 'a long enough password', returnTo: '/team', _csrf });
    expect(res.headers.location).toBe('/team');
    const other = t.agent();
    const token = await csrfFor(other);
    const evil = await other.post('/login').type('form').send({ email: 'ann@example.com', password: 'a long enough password', returnTo: '//evil.example/x', _csrf: token });
    expect(evil.headers.location).toBe('/');
  });

  it('refuses a wrong password with a message that does not reveal whether the email exists', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const wrong = await signIn(t.agent(), 'ann@example.com', 'wrong password!!');
    const unknown = await signIn(t.agent(), 'nobody@example.com', 'wrong password!!');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain('That email and password do not match an account.');
    expect(unknown.text).toContain('That email and password do not match an account.');
    expect(wrong.text).toContain('value="ann@example.com"');
  });

  it('signs out, and the old session no longer opens pages', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    await signIn(agent, 'ann@example.com');
    const _csrf = await csrfFor(agent, '/');
    const out = await agent.post('/logout').type('form').send({ _csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login');
    const home = await agent.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.location).toMatch(/^\/login/);
  });
});

describe('lockout after repeated failures', () => {
  it('locks the account after ten wrong passwords with a clear message, even for the right password', async () => {
    const clock = new TestClock();
    t = await startTestApp({ overrides: { clock } });
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    for (let i = 1; i <= 9; i++) expect((await signIn(agent, 'ann@example.com', `wrong password ${i}`)).status).toBe(401);
    const tenth = await signIn(agent, 'ann@example.com', 'wrong password 10');
    // Locked, but said as every failed sign-in is said: the form shows nobody whose account exists.
    expect(tenth.status).toBe(401);
    expect(tenth.text).toContain('After 10 failed attempts an account is locked for 15 minutes; resetting the password unlocks it at once.');
    expect(tenth.text).toContain('/password/forgot');

    const right = await signIn(agent, 'ann@example.com');
    expect(right.status).toBe(401);
    expect(right.text).toContain('That email and password do not match an account.');

    clock.advance(15 * 60_000 + 1);
    const later = await signIn(agent, 'ann@example.com');
    expect(later.status).toBe(303);
  });

  it('limits sign-in attempts per network address', async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '5' } });
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    for (let i = 0; i < 5; i++) expect((await signIn(agent, `x${i}@example.com`, 'wrong password!!')).status).toBe(401);
    const limited = await signIn(agent, 'x@example.com', 'wrong password!!');
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Too many attempts from your network');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts sign-in attempts for the network across replicas (in Postgres, not per process)', async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '6' } });
    const other = await startTestApp({ env: { LOGIN_RATE_LIMIT: '6' }, keepData: true });
    try {
      await createUser(t, { email: 'ann@example.com', role: 'admin' });
      for (let i = 0; i < 3; i++) expect((await signIn(t.agent(), `a${i}@example.com`, 'wrong password!!')).status).toBe(401);
      for (let i = 0; i < 3; i++) expect((await signIn(other.agent(), `b${i}@example.com`, 'wrong password!!')).status).toBe(401);
      expect((await signIn(t.agent(), 'c@example.com', 'wrong password!!')).status).toBe(429);
      expect((await signIn(other.agent(), 'c@example.com', 'wrong password!!')).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('CSRF protection', () => {
  it('rejects state-changing requests without the token with 403', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    await signIn(agent, 'ann@example.com');
    const cases = [
      agent.post('/logout').type('form').send({}),
      agent.post('/team/invites').type('form').send({ email: 'b@example.com', role: 'agent' }),
      agent.post('/account/profile').type('form').send({ name: 'X', email: 'ann@example.com', _csrf: 'forged' }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('This form has expired');
    }
    expect(await t.container.db('user_tokens').count('* as n').first()).toEqual({ n: 0 });
    expect((await agent.get('/')).status).toBe(200);
  });

  it('rejects a login POST without the token', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const res = await t.agent().post('/login').type('form').send({ email: 'ann@example.com', password: 'a long enough password' });
    expect(res.status).toBe(403);
  });

  it('accepts the token as the X-CSRF-Token header that htmx sends', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    await signIn(agent, 'ann@example.com');
    const token = await csrfFor(agent, '/team');
    const res = await agent.post('/team/invites').set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ email: 'b@example.com', role: 'agent' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('b@example.com');
  });

  it('answers an htmx request that fails CSRF with an error toast, not a replaced page', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ann@example.com', role: 'admin' });
    const agent = t.agent();
    await signIn(agent, 'ann@example.com');
    const res = await agent.post('/team/invites').set('HX-Request', 'true').type('form').send({ email: 'b@example.com', role: 'agent' });
    expect(res.status).toBe(403);
    expect(res.headers['hx-retarget']).toBe('#toast');
    expect(res.text).toContain('toast-error');
  });
});
