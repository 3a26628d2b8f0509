import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { createUser, csrfFor, signedInAdmin, signIn, startTestApp, type TestApp } from '../support/app.js';
import { listen } from '../support/browser.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('the HTTP edge', () => {
  it('tags every response with a request id, keeping a sane incoming one', async () => {
    t = await startTestApp();
    const fresh = await t.agent().get('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.agent().get('/healthz').set('X-Request-Id', 'proxy-abc.123');
    expect(kept.headers['x-request-id']).toBe('proxy-abc.123');
    const replaced = await t.agent().get('/healthz').set('X-Request-Id', '<script>alert(1)</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says the version it runs on /healthz and in every page's footer, as package.json has it", async () => {
    t = await startTestApp();
    const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    expect((await t.agent().get('/healthz')).body).toEqual({ status: 'ok', version });
    const { agent } = await signedInAdmin(t);
    expect((await agent.get('/').expect(200)).text).toContain(`<footer class="app-footer container"><span class="muted small">Baton ${version}</span></footer>`);
  });

  it('sends a strict Content-Security-Policy and compresses responses', async () => {
    t = await startTestApp();
    const res = await t.agent().get('/setup');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // Over plain http, upgrading requests would break every asset on a LAN address.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const js = await t.agent().get('/vendor/htmx/htmx.min.js').set('Accept-Encoding', 'gzip');
    expect(js.headers['content-encoding']).toBe('gzip');
  });

  it('sets Secure cookies and HSTS behind a TLS-terminating proxy', async () => {
    t = await startTestApp({ env: { BASE_URL: 'https://support.example.com', TRUST_PROXY: '1' } });
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const res = await t.agent().get('/login').set('X-Forwarded-Proto', 'https');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('baton.sid='));
    expect(cookie).toMatch(/; Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=15552000/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('renders errors as JSON for API clients and as a page for browsers', async () => {
    t = await startTestApp();
    const beforeSetup = await t.agent().get('/api/v1/anything');
    expect(beforeSetup.status).toBe(503);
    expect(beforeSetup.body).toEqual({ error: { code: 'unavailable', message: expect.stringContaining('not been set up') } });

    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const json = await t.agent().get('/no/such/thing').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.body.error.code).toBe('not_found');
    const html = await t.agent().get('/no/such/thing');
    expect(html.status).toBe(404);
    expect(html.type).toBe('text/html');
    expect(html.text).toContain('There is no page at /no/such/thing.');

    const agent = t.agent();
    await signIn(agent, 'ada@example.com');
    const fragment = await agent.get('/no/such/thing').set('HX-Request', 'true');
    expect(fragment.status).toBe(404);
    expect(fragment.headers['hx-retarget']).toBe('#toast');
    expect(fragment.text).not.toContain('<html');
  });

  it('refuses malformed and oversized bodies with a clear status, not a crash', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const malformed = await t.agent().post('/login').set('Content-Type', 'application/json').set('Accept', 'application/json').send('{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed');
    const huge = await t.agent().post('/login').type('form').send({ email: 'a@example.com', password: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(huge.text).toContain('too large');
  });

  it('escapes what people type wherever it is shown', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin', name: '<img src=x onerror=alert(1)>' });
    const agent = t.agent();
    await signIn(agent, 'ada@example.com');
    const home = await agent.get('/');
    expect(home.text).not.toContain('<img src=x');
    expect(home.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('reports an unreachable SMTP server in /readyz with the reason (to the monitor with HEALTH_TOKEN), as degraded: the replica still serves', async () => {
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: '1', HEALTH_TOKEN: 'monitor-token-0123456789' } });
    const res = await t.agent().get('/readyz').set('Authorization', 'Bearer monitor-token-0123456789');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.checks.database).toEqual({ ok: true });
    expect(res.body.checks.smtp.ok).toBe(false);
    expect(res.body.checks.smtp.reason).toMatch(/ECONNREFUSED/);
  });

  it('stores the flash before the redirect goes out: a browser that follows it on the headers alone still sees the message', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const agent = t.agent();
    await signIn(agent, 'ada@example.com');
    const token = await csrfFor(agent, '/settings/organisation');
    const cookie = (agent as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).map((c) => c.toValueString()).join('; ');
    const server = await listen(t.app);
    try {
      for (let i = 0; i < 5; i++) {
        // Follow the 303 the moment its headers arrive, as a browser may, without reading the body.
        const location = await new Promise<string>((resolve, reject) => {
          const body = new URLSearchParams({ name: `Acme ${i}`, timeZone: 'Europe/Copenhagen', _csrf: token }).toString();
          const req = http.request(`${server.url}/settings/organisation`, { method: 'POST', headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
            expect(res.statusCode).toBe(303);
            resolve(String(res.headers.location));
            res.resume();
          });
          req.on('error', reject);
          req.end(body);
        });
        const page = await fetch(`${server.url}${location}`, { headers: { cookie } });
        expect(await page.text()).toContain('Organisation settings saved.');
      }
    } finally {
      await server.close();
    }
  });
});
