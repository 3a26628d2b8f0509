import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, startTestApp, type TestApp } from '../support/app.js';
import { concrete, isVisitorRoute, routesOf } from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('CSRF', () => {
  it('refuses every state-changing route of the signed-in side without the token, and the visitor side ignores cookies altogether', async () => {
    const routes = routesOf(t.app).filter((r) => r.method !== 'get');
    // The enumeration itself works: it finds routes from every area.
    for (const known of ['/login', '/settings/privacy', '/inbox/conversations/:id/messages', '/knowledge/snippets', '/api/v1/conversations/:id/messages', '/widget/messages']) {
      expect(routes.map((r) => r.path), known).toContain(known);
    }
    expect(routes.length).toBeGreaterThan(50);

    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const admin = t.agent();
    expect((await signIn(admin, 'ada@example.com')).status).toBe(303);

    const accepted: string[] = [];
    for (const r of routes) {
      const path = concrete(r.path);
      // Mints a new anonymous visitor: open to anyone by design (rate-limited per IP), and it reads no session.
      if (r.method === 'post' && r.path === '/api/v1/visitors') continue;
      // An address confirmation: its only credential is a cookie for /email/confirm alone, set
      // SameSite=Lax, which a browser does not send with another site's POST (checked below).
      if (r.path === '/email/confirm') continue;
      if (isVisitorRoute(r.path)) {
        // A cookie is sent by the browser on its own; a bearer token is not. Without one, nothing.
        const res = await admin[r.method](path).set('Origin', 'http://baton.test').send({ text: 'hi' });
        if (![401, 403].includes(res.status)) accepted.push(`${r.method.toUpperCase()} ${r.path} → ${res.status} with only a session cookie`);
        continue;
      }
      const res = await admin[r.method](path).type('form').send({ email: 'ada@example.com', name: 'x' });
      if (res.status !== 403 || !res.text.includes('This form has expired or was sent from another site')) accepted.push(`${r.method.toUpperCase()} ${r.path} → ${res.status} without a CSRF token`);
    }
    expect(accepted).toEqual([]);
    const confirmCookie = String((await admin.get('/email/confirm/anything').expect(303)).headers['set-cookie']);
    expect(confirmCookie).toMatch(/^baton_confirm=[^;]+; Max-Age=\d+; Path=\/email\/confirm; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  });
});
