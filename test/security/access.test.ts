import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { concrete, isVisitorRoute, routesOf } from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createUser(t, { email: 'ada@example.com', role: 'admin' });
});
afterAll(async () => {
  await t?.close();
});

/**
 * Pages anyone may open: signing in, first-run setup, health, links from emails, the widget.
 * /metrics is for a scraper with METRICS_TOKEN (test/integration/metrics.test.ts): a 404 otherwise.
 */
// /api/openapi.json describes the APIs, as their docs do: nothing in it is the installation's own.
const PUBLIC = [/^\/(login|setup|readyz|healthz|metrics|widget\.js|api\/openapi\.json)$/, /^\/password\//, /^\/invite(\/|$)/, /^\/c(\/|$)/, /^\/email\/confirm(\/|$)/];
/** Streams never end on their own; their guard is the same middleware as the pages beside them. */
const STREAMS = ['/inbox/stream', '/knowledge/sources/:id/progress'];
const ADMIN_AREAS = ['/settings', '/team', '/knowledge'];
/** Open to every teammate inside an admin area: agents may see what the AI would find. */
const FOR_EVERYONE = ['/knowledge/try'];
const isAdminArea = (path: string) => !FOR_EVERYONE.includes(path) && ADMIN_AREAS.some((a) => path === a || path.startsWith(`${a}/`));

describe('who may open what', () => {
  it('sends anyone not signed in to the login page, from every page that is not public', async () => {
    const open = routesOf(t.app).filter((r) => r.method === 'get' && !isVisitorRoute(r.path) && !PUBLIC.some((p) => p.test(r.path)) && !STREAMS.includes(r.path));
    expect(open.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const r of open) {
      const res = await supertest(t.app).get(concrete(r.path));
      if (!(res.status === 303 && String(res.headers.location).startsWith('/login'))) leaks.push(`${r.path} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it("keeps agents out of every admin page and action, and lets them work the inbox and read insights", async () => {
    const { agent, post } = await signedInTeammate(t, 'ben@example.com', 'Ben', 'agent');
    const routes = routesOf(t.app).filter((r) => isAdminArea(r.path));
    expect(routes.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const r of routes) {
      const res = r.method === 'get' ? await agent.get(concrete(r.path)) : await post(concrete(r.path), { role: 'admin', email: 'ben@example.com' });
      if (res.status !== 403) wrong.push(`${r.method.toUpperCase()} ${r.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    // Ben did not make himself an admin on the way.
    expect((await t.container.db('users').where({ email: 'ben@example.com' }).first('role')) as { role: string }).toEqual({ role: 'agent' });
    for (const path of ['/', '/inbox', '/insights', '/account']) expect((await agent.get(path)).status, path).toBe(200);
  });

  it("gives a visitor nothing of another visitor's conversation: not its messages, its stream, its ratings or its handoff", async () => {
    const api = supertest(t.app);
    const token = async () => `Bearer ${((await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string }).token}`;
    const ann = await token();
    const bob = await token();
    const conv = (await api.post('/api/v1/conversations').set('Authorization', ann).send({}).expect(201)).body as { id: string };
    const sent = (await api.post(`/api/v1/conversations/${conv.id}/messages`).set('Authorization', ann).send({ text: 'My order 4411 is late', clientId: 'a1' }).expect(201)).body as { message: { id: string }; reply: { id: string } | null };
    const replyId = sent.reply?.id ?? sent.message.id;

    const attempts = [
      // Each is built but not sent until it is given Bob's token below.
      api.get(`/api/v1/conversations/${conv.id}`),
      api.get(`/api/v1/conversations/${conv.id}/events`),
      api.post(`/api/v1/conversations/${conv.id}/messages`).send({ text: 'hijack' }),
      api.post(`/api/v1/conversations/${conv.id}/typing`).send({}),
      api.put(`/api/v1/conversations/${conv.id}/messages/${replyId}/rating`).send({ helpful: false }),
      api.put(`/api/v1/conversations/${conv.id}/rating`).send({ score: 1 }),
      api.post(`/api/v1/conversations/${conv.id}/handoff`).send({}),
    ];
    for (const [i, request] of attempts.entries()) {
      const res = await request.set('Authorization', bob);
      expect(res.status, `attempt ${i}`).toBe(404);
      expect(res.text).not.toContain('4411');
    }
    // The widget frame's rating button, with Ann's message id in Bob's frame.
    const frame = await api.post(`/widget/messages/${replyId}/rating`).set('Authorization', bob).set('HX-Request', 'true').set('Origin', 'http://baton.test').type('form').send({ rating: 'not_helpful' });
    expect(frame.status).toBe(404);
    const count = async (q: ReturnType<TestApp['container']['db']>) => Number(((await q.count('* as n')) as { n: string }[])[0]!.n);
    expect(await count(t.container.db('answer_ratings'))).toBe(0);
    expect(await count(t.container.db('messages').where({ conversation_id: conv.id, author: 'visitor' }))).toBe(1);
  });
});
