import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { useFakeMistral } from '../support/mistral.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { freePort } from '../support/ports.js';

const fake = useFakeMistral();
let t: TestApp;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await t?.close();
  await smtp?.close();
  smtp = undefined;
});

const TIMEOUT_S = 2;
const grounded = () => JSON.stringify({ answer: 'Open Settings, then Plan, and press Cancel.', sources: [1], confidence: 'high', handoff: null, person: false });

async function visitorApi(app: TestApp) {
  const api = supertest(app.app);
  const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
  const auth = { Authorization: `Bearer ${token}` };
  const conv = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
  const send = (text: string, clientId: string, stream = false) => {
    const req = api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth);
    if (stream) void req.set('Accept', 'text/event-stream').buffer(true).parse((res, done) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => done(null, body));
    });
    return req.send({ text, clientId });
  };
  const read = async () => (await api.get(`/api/v1/conversations/${conv.id}`).set(auth).expect(200)).body as { status: string; messages: { author: string; text: string; clientId?: string | null }[] };
  return { send, read };
}

describe('the LLM failing', () => {
  it.each([
    ['429', (f: typeof fake) => f.failNext(10, 429)],
    ['500', (f: typeof fake) => f.failNext(10, 500)],
    ['hanging', (f: typeof fake) => void (f.mode = 'hang')],
  ])('%s: the visitor still gets cited excerpts or a handoff offer within the timeout, streamed or not, and nothing is lost', async (_name, fail) => {
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url, MISTRAL_TIMEOUT_SECONDS: String(TIMEOUT_S), MISTRAL_FIRST_TOKEN_SECONDS: String(TIMEOUT_S) } });
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel. Your data is kept for 60 days.' });
    fake.reply = grounded;
    fail(fake);
    const { send, read } = await visitorApi(t);

    const started = Date.now();
    const plain = await send('How do I cancel my subscription?', 'q1');
    expect(plain.status).toBe(201);
    const reply = (plain.body as { reply: { text: string; mode: string; citations: unknown[] } }).reply;
    expect(reply.mode).toBe('extractive');
    expect(reply.text).toContain('press Cancel');
    expect(reply.citations).toHaveLength(1);

    // A question the excerpts cannot answer: the offer to hand off, not an error.
    const streamed = await send('Can I pay with bitcoin?', 'q2', true);
    expect(streamed.status).toBe(201);
    const body = String(streamed.body);
    expect(body).toContain('event: reply');
    expect(body).not.toContain('event: error');
    // Both answers came within the timeout (plus the request's own work), not after a hang.
    expect(Date.now() - started).toBeLessThan(2 * (TIMEOUT_S * 1000) + 4000);

    const conversation = await read();
    expect(conversation.messages.filter((m) => m.author === 'visitor').map((m) => m.text)).toEqual(['How do I cancel my subscription?', 'Can I pay with bitcoin?']);
    expect(conversation.messages.filter((m) => m.author === 'assistant' || m.author === 'system').length).toBeGreaterThanOrEqual(2);
    // The unanswerable one was handed to the team (or the visitor was offered it).
    expect(['queued', 'bot']).toContain(conversation.status);
    if (conversation.status === 'bot') expect(JSON.stringify(conversation.messages)).toMatch(/team|person|human/i);
  });
});

describe('Meilisearch unreachable', () => {
  it('answers from Postgres, saves knowledge, reports itself degraded on /readyz, and never answers 500', async () => {
    const closed = await freePort();
    t = await startTestApp({ env: { MEILI_URL: `http://127.0.0.1:${closed}`, MEILI_MASTER_KEY: 'a-master-key-of-sixteen+' } });
    expect(t.container.search.backend).toBe('meilisearch');
    const snippet = await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel.' }).then(
      (s) => s,
      (e: unknown) => e as Error,
    );
    // Saving knowledge while the index is down keeps it in Postgres, which answers meanwhile, and
    // tells the admin how the index catches up.
    expect(snippet).not.toBeInstanceOf(Error);
    expect((await t.container.services.knowledge.listSources())[0]?.lastError).toContain('baton reindex');
    const { send } = await visitorApi(t);
    const res = await send('How do I cancel my subscription?', 'm1');
    expect(res.status).toBe(201);
    expect((res.body as { reply: { text: string; citations: { title: string }[] } }).reply.citations[0]?.title).toBe('How do I cancel my subscription?');
    // Degraded, not down: a load balancer keeps sending visitors to a replica that answers.
    const ready = await supertest(t.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { database: { ok: true }, search: { ok: false } } });
    expect(t.logs.some((l) => String(l.msg).includes('searched Postgres instead'))).toBe(true);
  });
});

describe('the mail server down', () => {
  it('holds every email in the outbox with the reason, and delivers each exactly once when the server is back', async () => {
    const port = await freePort();
    let offset = 0;
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) }, overrides: { clock: { now: () => new Date(Date.now() + offset) } } });
    const { followups } = t.container.services;
    const emails = Array.from({ length: 3 }, (_, i) => ({ key: `fault-${i}`, kind: 'test', to: `v${i}@example.com`, subject: `Test ${i}`, template: 'test', data: { orgName: 'Acme', to: `v${i}@example.com` } }));
    await t.container.db('outbox_emails').insert(emails.map((e) => ({ key: e.key, kind: e.kind, to_address: e.to, subject: e.subject, template: e.template, data: JSON.stringify(e.data), status: 'pending' })));
    await followups.dispatch();
    const held = (await t.container.db('outbox_emails').orderBy('key')) as { status: string; attempts: number; last_error: string | null }[];
    expect(held.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    for (const r of held) expect(r).toMatchObject({ last_error: expect.stringMatching(/ECONNREFUSED/) });

    smtp = await startSmtp({ port });
    offset = 10 * 60_000;
    await followups.dispatch();
    await followups.dispatch();
    expect(((await t.container.db('outbox_emails').orderBy('key')) as { status: string }[]).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(smtp.inbox.map((m) => m.subject).sort()).toEqual(['Test 0', 'Test 1', 'Test 2']);
  });
});
