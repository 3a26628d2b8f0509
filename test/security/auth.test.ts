import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, csrfFor, sessionCookie, signIn, startTestApp, type TestApp } from '../support/app.js';
import { concrete, routesOf } from './routes.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const HOSTILE_RETURNS = [
  '//evil.example/',
  'https://evil.example/',
  'http:evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/%2F%2Fevil.example',
  'javascript:alert(1)',
  ' //evil.example',
  '/\r\nLocation: https://evil.example',
];

/** A Location a browser would follow to this site only. */
function staysHome(location: string | undefined): boolean {
  if (!location || !location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\')) return false;
  // Whitespace and control characters, which browsers strip before reading the URL.
  if ([...location].some((ch) => ch.charCodeAt(0) <= 0x20)) return false;
  return new URL(location, 'http://baton.test').host === 'baton.test';
}

describe('signing in', () => {
  it("never redirects off the site through login's return path, before or after signing in", async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const bad: string[] = [];
    for (const returnTo of HOSTILE_RETURNS) {
      const agent = t.agent();
      const _csrf = await csrfFor(agent, '/login');
      const res = await agent.post('/login').type('form').send({ email: 'ada@example.com', password: 'a long enough password', returnTo, _csrf });
      if (res.status !== 303 || !staysHome(res.headers.location as string)) bad.push(`POST ${JSON.stringify(returnTo)} → ${res.status} ${res.headers.location}`);
      // Signed in through htmx, the address comes back in HX-Redirect, which no one encodes.
      const hx = t.agent();
      const hxCsrf = await csrfFor(hx, '/login');
      const viaHtmx = await hx.post('/login').set('HX-Request', 'true').type('form').send({ email: 'ada@example.com', password: 'a long enough password', returnTo, _csrf: hxCsrf });
      if (!staysHome(viaHtmx.headers['hx-redirect'] as string)) bad.push(`htmx POST ${JSON.stringify(returnTo)} → ${viaHtmx.status} ${viaHtmx.headers['hx-redirect']}`);
      // Already signed in, the login page sends you on at once: the same check applies.
      const again = await agent.get(`/login?returnTo=${encodeURIComponent(returnTo)}`);
      if (!staysHome(again.headers.location as string)) bad.push(`GET ${JSON.stringify(returnTo)} → ${again.headers.location}`);
    }
    expect(bad).toEqual([]);
    // A path on the site still works.
    const agent = t.agent();
    const _csrf = await csrfFor(agent, '/login');
    expect((await agent.post('/login').type('form').send({ email: 'ada@example.com', password: 'a long enough password', returnTo: '/inbox?view=mine', _csrf })).headers.location).toBe('/inbox?view=mine');
  });

  it('gives a new session id at sign-in, so a session planted before it is worth nothing', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const victim = t.agent();
    const planted = sessionCookie(await victim.get('/login'));
    expect(planted).toBeDefined();
    const res = await signIn(victim, 'ada@example.com');
    const fresh = sessionCookie(res);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(planted);
    // The attacker, holding the planted cookie, is not signed in.
    const attacker = await t.agent().get('/inbox').set('Cookie', planted!);
    expect(attacker.status).toBe(303);
    expect(attacker.headers.location).toMatch(/^\/login/);
    // Signing out ends the session on the server, not only in the browser.
    const _csrf = await csrfFor(victim, '/inbox');
    await victim.post('/logout').type('form').send({ _csrf });
    expect((await t.agent().get('/inbox').set('Cookie', fresh!)).status).toBe(303);
  });

  it('locks an account after repeated failures, even against the right password, and records it; the network gets 429 past its limit', async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_RATE_LIMIT: '8' } });
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const agent = t.agent();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await signIn(agent, 'ada@example.com', `guess number ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const right = await signIn(agent, 'ada@example.com');
    expect(right.status).toBe(401);
    const log = (await t.container.db('audit_events').orderBy('id').pluck('action')) as string[];
    expect(log).toEqual(['login.failed', 'login.failed', 'login.locked', 'login.failed']);
    // What a locked account is told is what an unknown address and a wrong password are told.
    const unknown = await signIn(t.agent(), 'nobody@example.com', 'guess number 0');
    const wrong = await signIn(t.agent(), 'ada@example.com', 'guess number 9');
    const errorOf = (html: string) => /<[^>]*role="alert"[^>]*>([\s\S]*?)<\//.exec(html)?.[1]?.trim();
    expect(errorOf(right.text)).toBeTruthy();
    expect([errorOf(unknown.text), errorOf(wrong.text)]).toEqual([errorOf(right.text), errorOf(right.text)]);
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    // Per network: guessing across accounts stops too.
    const more: number[] = [];
    for (let i = 0; i < 5; i++) more.push((await signIn(t.agent(), `nobody${i}@example.com`, 'whatever it is')).status);
    expect(more.at(-1)).toBe(429);
  });
});

describe('asking for a password reset', () => {
  it('answers a known address as an unknown one, without waiting for the mail (sent afterwards)', async () => {
    // A mail server that accepts the connection and never says a word: sending would hang.
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String((silent.address() as AddressInfo).port) } });
      await createUser(t, { email: 'ada@example.com', role: 'admin' });
      const ask = async (email: string) => {
        const agent = t.agent();
        const _csrf = await csrfFor(agent, '/password/forgot');
        return agent.post('/password/forgot').type('form').send({ email, _csrf });
      };
      const [known, unknown] = [await ask('ada@example.com'), await ask('nobody@example.com')];
      expect([known.status, unknown.status]).toEqual([200, 200]);
      const said = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0].replace(/name="_csrf" value="[^"]*"|[a-z]+@example\.com/g, '');
      expect(said(known.text)).toBe(said(unknown.text));
    } finally {
      silent.close();
    }
  });
});

describe('headers', () => {
  it('sends a strict Content-Security-Policy with every response, every page and every error', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const admin = t.agent();
    await signIn(admin, 'ada@example.com');
    const STREAMS = ['/inbox/stream', '/knowledge/sources/:id/progress', '/api/v1/conversations/:id/events', '/widget/stream'];
    const pages = routesOf(t.app).filter((r) => r.method === 'get' && !STREAMS.includes(r.path));
    const missing: string[] = [];
    for (const r of [...pages, { method: 'get', path: '/no-such-page' }]) {
      const res = await admin.get(concrete(r.path));
      const csp = String(res.headers['content-security-policy'] ?? '');
      const strict = csp.includes("default-src 'self'") && /script-src 'self'(;|$)/.test(csp) && csp.includes("object-src 'none'") && csp.includes('frame-ancestors');
      if (!strict) missing.push(`${r.path} (${res.status}): ${csp || 'none'}`);
      if (res.type === 'text/html' && res.text.includes('<script') && /<script(?![^>]*\ssrc=)[^>]*>/.test(res.text)) missing.push(`${r.path}: inline script`);
    }
    expect(pages.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
