import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { OPENAPI_OPERATIONS, openApiDocument, openApiPath } from '../../src/http/api/openapi.js';
import { scopeAllows, type TokenScope } from '../../src/services/team/access-tokens.js';
import type { User } from '../../src/services/team/types.js';
import { createUser, csrfFor, signIn, startTestApp, type TestApp } from '../support/app.js';
import { concrete, routesOf } from '../security/routes.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
  t = undefined as unknown as TestApp;
});

async function start(env: Record<string, string> = {}) {
  t = await startTestApp({ env });
  const owner = await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'agent' });
  return { api: supertest(t.app), owner, ada };
}

const tokenFor = async (user: User, scope: TokenScope, name = `${scope} token`) => (await t.container.services.accessTokens.create(user, { name, scope })).token;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function waitingConversation(api: ReturnType<typeof supertest>) {
  const res = await api.post('/api/v1/visitors').send({}).expect(201);
  const auth = { Authorization: `Bearer ${res.body.token as string}` };
  const conv = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
  await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Can I talk to a human please?' }).expect(201);
  return conv.id;
}

describe('the team API', () => {
  it('works a conversation through as the inbox does: list, read, claim, reply, note, resolve, reopen', async () => {
    const { api, owner, ada } = await start();
    const token = await tokenFor(ada, 'write');
    const id = await waitingConversation(api);

    const waiting = await api.get('/api/v1/team/conversations?queue=waiting').set(bearer(token)).expect(200);
    expect(waiting.body).toMatchObject({ conversations: [{ id, status: 'queued', handoff: { reason: 'person_request' } }], more: false });
    expect((await api.get('/api/v1/team/conversations?q=human').set(bearer(token)).expect(200)).body.conversations).toHaveLength(1);
    expect((await api.get('/api/v1/team/conversations?queue=nonsense').set(bearer(token)).expect(422)).body.error.fields.queue).toMatch(/queue must be one of/);

    // Only the assignee replies, as in the inbox.
    expect((await api.post(`/api/v1/team/conversations/${id}/replies`).set(bearer(token)).send({ text: 'Hi' }).expect(409)).body.error.code).toBe('conflict');
    expect((await api.post(`/api/v1/team/conversations/${id}/claim`).set(bearer(token)).expect(200)).body).toMatchObject({ status: 'assigned', assignedTo: ada.id });
    const reply = await api.post(`/api/v1/team/conversations/${id}/replies`).set(bearer(token)).send({ text: 'Hello, Ada here.' }).expect(201);
    expect(reply.body).toMatchObject({ author: 'agent', authorName: 'Ada', text: 'Hello, Ada here.', internal: false });
    await api.post(`/api/v1/team/conversations/${id}/notes`).set(bearer(token)).send({ text: 'check invoice' }).expect(201);
    await api.post(`/api/v1/team/conversations/${id}/assign`).set(bearer(token)).send({ assignee: owner.id }).expect(200);
    // Now the owner's: an agent may not resolve another's conversation.
    expect((await api.post(`/api/v1/team/conversations/${id}/resolve`).set(bearer(token)).expect(403)).body.error.code).toBe('forbidden');
    const ownerToken = await tokenFor(owner, 'write');
    await api.post(`/api/v1/team/conversations/${id}/resolve`).set(bearer(ownerToken)).expect(200);
    await api.post(`/api/v1/team/conversations/${id}/reopen`).set(bearer(token)).expect(200);

    const detail = await api.get(`/api/v1/team/conversations/${id}`).set(bearer(token)).expect(200);
    const people = detail.body.messages.filter((m: { author: string }) => m.author !== 'system');
    expect(people.map((m: { author: string; internal: boolean }) => `${m.author}${m.internal ? ' (note)' : ''}`)).toEqual(['visitor', 'agent', 'agent (note)']);
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['hand_off', 'claim', 'assign', 'resolve', 'reopen']);
    // The visitor sees the reply and never the note.
    const [row] = await t.container.db('messages').where({ conversation_id: id, author: 'agent' }).orderBy('created_at');
    expect(row).toMatchObject({ text: 'Hello, Ada here.', internal: false });
  });

  it('manages knowledge with an admin token: snippets, a website, an upload, a sync, a deletion', async () => {
    const { api, owner } = await start();
    const token = await tokenFor(owner, 'admin');
    const snippet = await api.post('/api/v1/team/snippets').set(bearer(token)).send({ question: 'How do I cancel?', answer: 'Settings, Plan, Cancel.' }).expect(201);
    expect(snippet.body).toMatchObject({ kind: 'snippet', name: 'How do I cancel?' });
    await api.put(`/api/v1/team/snippets/${snippet.body.id as string}`).set(bearer(token)).send({ question: 'How do I cancel my plan?', answer: 'Settings, Plan, Cancel.' }).expect(200);
    expect((await api.post('/api/v1/team/snippets').set(bearer(token)).send({ question: '' , answer: 'x' }).expect(422)).body.error.fields).toBeDefined();

    const site = await api.post('/api/v1/team/sources/websites').set(bearer(token)).send({ startUrl: 'http://127.0.0.1:9/', saveAnyway: true }).expect(201);
    expect(site.body).toMatchObject({ kind: 'website', sync: { status: 'queued' } });
    const upload = await api.post('/api/v1/team/sources/files').set(bearer(token)).attach('file', Buffer.from('# Returns\n\nReturns are free within 30 days.\n'), { filename: 'returns.md', contentType: 'text/markdown' }).expect(201);
    expect(upload.body).toMatchObject({ kind: 'file', name: 'returns.md' });
    expect((await api.post('/api/v1/team/sources/files').set(bearer(token)).send({}).expect(422)).body.error.message).toMatch(/multipart\/form-data/);
    expect((await api.post(`/api/v1/team/sources/${upload.body.id as string}/sync`).set(bearer(token)).expect(202)).body).toMatchObject({ sourceId: upload.body.id, status: 'queued' });
    const names = (await api.get('/api/v1/team/sources').set(bearer(token)).expect(200)).body.sources.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['How do I cancel my plan?', 'returns.md']));
    await api.delete(`/api/v1/team/sources/${snippet.body.id as string}`).set(bearer(token)).expect(204);

    const metrics = await api.get('/api/v1/team/insights/metrics?preset=30d').set(bearer(token)).expect(200);
    expect(metrics.body).toMatchObject({ period: { interval: expect.any(String) }, totals: expect.any(Object), buckets: expect.any(Array) });
    // What it did is in the audit log under the token's owner, naming the token and the address.
    const added = await t.container.db('audit_events').where({ action: 'knowledge.added', actor_id: owner.id });
    expect(added).toHaveLength(3);
    for (const entry of added) expect(entry).toMatchObject({ ip: expect.stringMatching(/127\.0\.0\.1/), details: { token: expect.stringMatching(/^“admin token” \(baton_pat_.{6}…\)$/) } });
  });

  it('refuses every route without a valid token, and each with less than the scope it needs', async () => {
    // Wrong tokens count against the network's sign-in limit: this test sends well over 30.
    const { owner, ada } = await start({ LOGIN_RATE_LIMIT: '1000' });
    const api = supertest(t.app);
    const routes = routesOf(t.app).filter((r) => r.path.startsWith('/api/v1/team/'));
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const scopeOf = (method: string, path: string) => (openApiDocument().paths as Record<string, Record<string, { 'x-baton-scope'?: TokenScope }>>)[openApiPath(path)]?.[method]?.['x-baton-scope'];

    const revoked = await t.container.services.accessTokens.create(owner, { name: 'old', scope: 'admin' });
    await t.container.services.accessTokens.revoke(owner, revoked.record.id);
    const expired = await t.container.services.accessTokens.create(owner, { name: 'short', scope: 'admin', expiresInDays: 1 });
    await t.container.db('personal_access_tokens').where({ id: expired.record.id }).update({ expires_at: new Date(Date.now() - 1000) });
    const deactivated = await tokenFor(ada, 'write');
    const tokens = { read: await tokenFor(owner, 'read'), write: await tokenFor(owner, 'write'), admin: await tokenFor(owner, 'admin') };

    const problems: string[] = [];
    for (const r of routes) {
      const path = concrete(r.path);
      const needed = scopeOf(r.method, r.path);
      if (!needed) {
        problems.push(`${r.method} ${r.path} has no scope in the OpenAPI document`);
        continue;
      }
      for (const [label, headers] of [['no token', {}], ['a visitor-like token', bearer('not-a-token')], ['a revoked token', bearer(revoked.token)], ['an expired token', bearer(expired.token)]] as const) {
        const res = await api[r.method](path).set(headers).send({});
        if (res.status !== 401) problems.push(`${r.method} ${r.path} with ${label} → ${res.status}`);
      }
      for (const scope of ['read', 'write', 'admin'] as const) {
        const res = await api[r.method](path).set(bearer(tokens[scope])).send({});
        const refused = res.status === 403 && /scope/.test(String(res.body.error?.message));
        if (scopeAllows(scope, needed) === refused) problems.push(`${r.method} ${r.path} with a ${scope} token → ${res.status} (needs ${needed})`);
      }
    }
    await t.container.db('users').where({ id: ada.id }).update({ active: false });
    const res = await api.get('/api/v1/team/conversations').set(bearer(deactivated));
    if (res.status !== 401) problems.push(`a deactivated teammate's token → ${res.status}`);
    expect(problems).toEqual([]);
  });

  it('keeps knowledge for admins, answers 404 for a route it does not have, and stops when two-factor becomes required', async () => {
    const { api, owner, ada } = await start();
    const agentRead = await tokenFor(ada, 'read');
    expect((await api.get('/api/v1/team/sources').set(bearer(agentRead)).expect(403)).body.error.message).toBe('Only admins can list knowledge.');
    expect((await api.post('/api/v1/team/conversations/00000000-0000-4000-8000-000000000000/release').set(bearer(agentRead)).expect(404)).body.error.code).toBe('not_found');
    await api.get('/api/v1/team/conversations').set(bearer(agentRead)).expect(200);
    await t.container.services.twoFactor.setRequired(owner, true);
    expect((await api.get('/api/v1/team/conversations').set(bearer(agentRead)).expect(401)).body.error.message).toMatch(/requires two-factor sign-in/);
  });

  it('never reads a session cookie, refuses an admin-scope token to an agent, and limits each token', async () => {
    const { owner, ada } = await start({ TEAM_API_PER_MINUTE: '3', LOGIN_RATE_LIMIT: '5' });
    const browser = t.agent();
    await signIn(browser, 'owner@example.com');
    await csrfFor(browser, '/inbox');
    expect((await browser.get('/api/v1/team/conversations').expect(401)).body.error.code).toBe('unauthorized');
    await expect(t.container.services.accessTokens.create(ada, { name: 'x', scope: 'admin' })).rejects.toThrow(/Only admins/);

    const token = await tokenFor(owner, 'read');
    const api = supertest(t.app);
    for (let i = 0; i < 3; i++) await api.get('/api/v1/team/sources').set(bearer(token)).expect(200);
    const limited = await api.get('/api/v1/team/sources').set(bearer(token)).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another token has its own count.
    await api.get('/api/v1/team/sources').set(bearer(await tokenFor(owner, 'read', 'other'))).expect(200);
    // Wrong tokens are counted per network: past the sign-in limit, 429 before any more lookups answer.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await api.get('/api/v1/team/sources').set(bearer(`baton_pat_wrong${i}`))).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, statuses.indexOf(429))).toEqual(statuses.slice(0, statuses.indexOf(429)).map(() => 401));
    expect((await api.get('/api/v1/team/sources').set(bearer('baton_pat_wrong')).expect(429)).body.error.message).toMatch(/wrong token from your network/);
    // Used: the list says when.
    const [listed] = (await t.container.services.accessTokens.list(owner)).filter((x) => x.name === 'read token');
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe('Your profile › Access tokens', () => {
  it('shows a new token once, lists it by its start and last use, and revokes it', async () => {
    await start();
    const browser = t.agent();
    await signIn(browser, 'ada@example.com');
    const page = await browser.get('/account/tokens').expect(200);
    // An agent is not offered the admin scope.
    expect(page.text).toContain('value="write"');
    expect(page.text).not.toContain('value="admin"');
    const _csrf = await csrfFor(browser, '/account/tokens');
    const refused = await browser.post('/account/tokens').type('form').send({ _csrf, name: '', scope: 'read', expires: '90' }).expect(422);
    expect(refused.text).toContain('Name it after what will use it');
    const made = await browser.post('/account/tokens').type('form').send({ _csrf, name: 'CRM sync', scope: 'write', expires: '30' }).expect(201);
    expect(made.headers['cache-control']).toBe('no-store');
    const token = /<code class="secret" id="new-token">(baton_pat_[\w-]+)<\/code>/.exec(made.text)![1]!;
    await supertest(t.app).get('/api/v1/team/conversations').set(bearer(token)).expect(200);
    const listed = await browser.get('/account/tokens').expect(200);
    expect(listed.text).not.toContain(token);
    expect(listed.text).toContain(`${token.slice(0, 16)}…`);
    expect(listed.text).not.toMatch(/<td class="small">Never<\/td>/);
    const [record] = await t.container.db('personal_access_tokens').where({ name: 'CRM sync' });
    await browser.post(`/account/tokens/${(record as { id: string }).id}/revoke`).type('form').send({ _csrf }).expect(303);
    await supertest(t.app).get('/api/v1/team/conversations').set(bearer(token)).expect(401);
    expect((await browser.get('/account/tokens')).text).toContain('Revoked');
    const entries = await t.container.db('audit_events').whereIn('action', ['token.created', 'token.revoked']).orderBy('id');
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['token.created', 'token.revoked']);
    // Made in the browser: the address is recorded, and no token is named.
    for (const e of entries) expect(e).toMatchObject({ ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(entries[0].details.token).toBeUndefined();
  });
});

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app serves under /api, and docs/api.md has a section for each', async () => {
    const { api } = await start();
    const served = routesOf(t.app).filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    const described = OPENAPI_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(described).toEqual(served);
    const doc = (await api.get('/api/openapi.json').expect(200)).body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(OPENAPI_OPERATIONS.map((o) => openApiPath(o.path)))].sort());
    const { readFileSync } = await import('node:fs');
    const headings = [...readFileSync('docs/api.md', 'utf8').matchAll(/^#{3} `(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`]+)`$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    expect(headings).toEqual(served);
  });
});
