import { gzipSync } from 'node:zlib';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeMistral } from '../support/mistral.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { listen } from '../support/browser.js';

const fake = useFakeMistral();
let t: TestApp;
afterEach(async () => {
  await t?.close();
  t = undefined as unknown as TestApp;
});

const llm = () => ({ MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url });

async function start(env: Record<string, string> = {}) {
  t = await startTestApp({ env });
  await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel. Your data is kept for 60 days.' });
  return supertest(t.app);
}

async function visitor(api: supertest.Agent | ReturnType<typeof supertest>) {
  const res = await api.post('/api/v1/visitors').send({}).expect(201);
  const token = (res.body as { token: string }).token;
  return { token, auth: { Authorization: `Bearer ${token}` } };
}

async function conversation(api: ReturnType<typeof supertest>, auth: Record<string, string>) {
  const res = await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/help?session=secret#x' }).expect(201);
  return res.body as { id: string; status: string };
}

/** Server-sent events of a finished response body, in order. */
function events(body: string): { event: string; data: unknown }[] {
  return body
    .split('\n\n')
    .filter((b) => b.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

const cancelAnswer = () => JSON.stringify({ answer: 'Open **Settings → Plan** and press Cancel.', sources: [1], confidence: 'high', handoff: null });

describe('the visitor API', () => {
  it('runs the documented flow: visitor, conversation, message with a cited reply, and the conversation read back', async () => {
    const api = await start(llm());
    fake.reply = cancelAnswer;
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    expect(conv.status).toBe('bot');

    const res = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'How can I cancel my subscription?', clientId: 'c-1' }).expect(201);
    expect(res.body.message).toMatchObject({ author: 'visitor', text: 'How can I cancel my subscription?', clientId: 'c-1' });
    expect(res.body.reply).toMatchObject({
      text: 'Open **Settings → Plan** and press Cancel.',
      citations: [{ title: 'How do I cancel my subscription?', url: '', section: '', page: null }],
      handoff: null,
      mode: 'llm',
      confidence: 'high',
    });
    expect(res.headers['set-cookie']).toBeUndefined();

    const read = await api.get(`/api/v1/conversations/${conv.id}`).set(auth).expect(200);
    expect(read.body).toMatchObject({ id: conv.id, status: 'bot' });
    expect(read.body.messages.map((m: { author: string }) => m.author)).toEqual(['visitor', 'assistant']);
    expect(read.body.messages[1]).toMatchObject({ id: res.body.reply.id, replyTo: res.body.message.id, citations: res.body.reply.citations });
    // The page is kept without its query string or fragment (they can carry tokens).
    const row = await t.container.db('conversations').where({ id: conv.id }).first();
    expect(row.page_url).toBe('https://shop.example/help');
  });

  it('stores a message sent twice with one clientId once, and returns the first result', async () => {
    const api = await start(llm());
    fake.reply = cancelAnswer;
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const send = () => api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'How do I cancel?', clientId: 'same' });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    // The repeat was answered from what is stored: the LLM was asked once.
    expect(fake.requests.filter((r) => r.path === '/v1/chat/completions').length).toBe(1);
    // Sent at the same moment: still one message and one reply.
    const [a, b] = await Promise.all([
      api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Is my data kept when I cancel?', clientId: 'race' }),
      api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Is my data kept when I cancel?', clientId: 'race' }),
    ]);
    expect(a.body.reply.id).toBe(b.body.reply.id);
    const counts = await t.container.db('messages').where({ conversation_id: conv.id }).select('author').count('* as n').groupBy('author');
    expect(Object.fromEntries(counts.map((r) => [r.author, Number(r.n)]))).toEqual({ visitor: 2, assistant: 2 });
  });

  it("answers 404 for another visitor's conversation and 401 without a valid token", async () => {
    const api = await start();
    const alice = await visitor(api);
    const bob = await visitor(api);
    const conv = await conversation(api, alice.auth);
    await api.get(`/api/v1/conversations/${conv.id}`).set(bob.auth).expect(404);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(bob.auth).send({ text: 'hi', clientId: 'x' }).expect(404);
    await api.post(`/api/v1/conversations/${conv.id}/handoff`).set(bob.auth).expect(404);
    await api.get('/api/v1/conversations/not-a-uuid').set(alice.auth).expect(404);
    const none = await api.get(`/api/v1/conversations/${conv.id}`).expect(401);
    expect(none.body.error.code).toBe('unauthorized');
    // A token altered by one character is refused.
    const forged = alice.token.slice(0, -1) + (alice.token.endsWith('A') ? 'B' : 'A');
    await api.get(`/api/v1/conversations/${conv.id}`).set({ Authorization: `Bearer ${forged}` }).expect(401);
    expect(await t.container.db('messages').count('* as n').first()).toEqual({ n: 0 });
  });

  it('streams the reply as server-sent events ending in the same reply object', async () => {
    const api = await start(llm());
    fake.reply = cancelAnswer;
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const res = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).set('Accept', 'text/event-stream').send({ text: 'How do I cancel my subscription?', clientId: 's-1' }).buffer(true).parse((r, cb) => {
      let body = '';
      r.on('data', (c: Buffer) => (body += c.toString()));
      r.on('end', () => cb(null, body));
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const evs = events(res.body as string);
    expect(evs[0]).toMatchObject({ event: 'message', data: { author: 'visitor', clientId: 's-1' } });
    const tokens = evs.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe('Open **Settings → Plan** and press Cancel.');
    expect(evs.at(-1)!.event).toBe('reply');
    const stored = await api.get(`/api/v1/conversations/${conv.id}`).set(auth);
    expect(evs.at(-1)!.data).toMatchObject({ id: stored.body.messages[1].id, text: 'Open **Settings → Plan** and press Cancel.', citations: [{ title: 'How do I cancel my subscription?' }], handoff: null });
  });

  it('finishes and stores the reply when the visitor goes away mid-stream', async () => {
    await start(llm());
    fake.pieceDelayMs = 30;
    fake.reply = cancelAnswer;
    const server = await listen(t.app);
    try {
      const api = supertest(t.app);
      const { auth } = await visitor(api);
      const conv = await conversation(api, auth);
      const abort = new AbortController();
      const res = await fetch(`${server.url}/api/v1/conversations/${conv.id}/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ text: 'How do I cancel my subscription?', clientId: 'gone' }),
        signal: abort.signal,
      });
      const reader = res.body!.getReader();
      let seen = '';
      while (!seen.includes('event: token')) seen += new TextDecoder().decode((await reader.read()).value);
      abort.abort();
      let messages: { author: string; text: string }[] = [];
      for (let i = 0; i < 100 && messages.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 50));
        messages = (await api.get(`/api/v1/conversations/${conv.id}`).set(auth)).body.messages;
      }
      expect(messages.map((m) => m.author)).toEqual(['visitor', 'assistant']);
      expect(messages[1]!.text).toBe('Open **Settings → Plan** and press Cancel.');
    } finally {
      await server.close();
    }
  });

  it('puts the recent turns into the prompt, personal data masked', async () => {
    const api = await start(llm());
    fake.reply = cancelAnswer;
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'I am jane@example.com. How do I cancel?', clientId: '1' }).expect(201);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'And is my data kept?', clientId: '2' }).expect(201);
    const messages = fake.requests.at(-1)!.body.messages as { role: string; content: string }[];
    expect(messages.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[1]!.content).toBe('I am [email]. How do I cancel?');
    expect(messages[2]!.content).toBe('Open **Settings → Plan** and press Cancel.');
    expect(JSON.stringify(fake.requests)).not.toContain('jane@example.com');
  });

  it('without an LLM key, replies with cited excerpts; when nothing matches it offers the team, and a yes hands off', async () => {
    const api = await start();
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const res = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?', clientId: '1' }).expect(201);
    expect(res.body.reply).toMatchObject({ mode: 'extractive', citations: [{ title: 'How do I cancel my subscription?' }], handoff: null });
    expect(res.body.reply.text).toContain('press Cancel');
    const none = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Quantum flux capacitor warranty?', clientId: '2' }).expect(201);
    expect(none.body.reply).toMatchObject({ mode: 'extractive', citations: [], handoff: null, offer: true });
    expect(none.body.reply.text).toMatch(/^I couldn't find this in our documentation.* Would you like me to ask the team\? Just say yes\.$/);
    expect((await api.get(`/api/v1/conversations/${conv.id}`).set(auth)).body.status).toBe('bot');
    const yes = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'yes please', clientId: '3' }).expect(201);
    expect(yes.body.reply).toMatchObject({ mode: 'none', handoff: { reason: 'unsure' } });
    const after = await api.get(`/api/v1/conversations/${conv.id}`).set(auth);
    expect(after.body.status).toBe('queued');
    expect(after.body.messages.at(-1)).toMatchObject({ author: 'system', text: expect.stringMatching(/online right now|closed right now/) });
  });

  it('falls back to excerpts when the streamed answer does not start in time', async () => {
    const api = await start({ ...llm(), MISTRAL_FIRST_TOKEN_SECONDS: '1' });
    fake.mode = 'hang';
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const started = Date.now();
    const res = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).set('Accept', 'text/event-stream').send({ text: 'How do I cancel my subscription?', clientId: '1' }).buffer(true).parse((r, cb) => {
      let body = '';
      r.on('data', (c: Buffer) => (body += c.toString()));
      r.on('end', () => cb(null, body));
    });
    expect(Date.now() - started).toBeLessThan(5000);
    const reply = events(res.body as string).at(-1)!;
    expect(reply).toMatchObject({ event: 'reply', data: { mode: 'extractive', citations: [{ title: 'How do I cancel my subscription?' }] } });
  });

  it('hands a request for a person or a sensitive topic to the team without asking the LLM', async () => {
    const api = await start(llm());
    fake.reply = cancelAnswer;
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const person = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Can I talk to a human please?', clientId: '1' }).expect(201);
    expect(person.body.reply).toMatchObject({ mode: 'none', citations: [], handoff: { reason: 'person_request', evidence: '"talk to a human"' }, text: expect.stringMatching(/online right now|closed right now/) });
    expect((await api.get(`/api/v1/conversations/${conv.id}`).set(auth)).body.status).toBe('queued');
    // Once queued the assistant answers follow-up questions again (the inbox decides the rest).
    const follow = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Meanwhile, how do I cancel my subscription?', clientId: '2' }).expect(201);
    expect(follow.body.reply).toMatchObject({ mode: 'llm', handoff: null });

    const other = await conversation(api, auth);
    const sensitive = await api.post(`/api/v1/conversations/${other.id}/messages`).set(auth).send({ text: 'You charged me twice for my subscription!', clientId: '1' }).expect(201);
    expect(sensitive.body.reply).toMatchObject({ mode: 'none', handoff: { reason: 'sensitive', detail: 'billing_dispute' } });
    // One answer (the follow-up); the other LLM calls are the handoff notes for the agent,
    // written in the background after each handoff.
    await t.container.services.conversations.settled();
    const calls = fake.requests.filter((r) => r.path === '/v1/chat/completions');
    const notes = calls.filter((r) => JSON.stringify(r.body).includes('handoff notes'));
    expect(calls.length - notes.length).toBe(1);
    expect(notes).toHaveLength(2);
  });

  it('spends the LLM only within the conversation token budget, then answers with excerpts', async () => {
    const api = await start({ ...llm(), CONVERSATION_TOKEN_BUDGET: '1000' });
    fake.reply = cancelAnswer;
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const first = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'How do I cancel?', clientId: '1' }).expect(201);
    expect(first.body.reply.mode).toBe('llm');
    const row = await t.container.db('conversations').where({ id: conv.id }).first();
    // The fake reports 10 prompt tokens plus one per word of the answer.
    expect(row.tokens_used).toBeGreaterThan(10);
    await t.container.db('conversations').where({ id: conv.id }).update({ tokens_used: 1000 });
    const later = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'How do I cancel?', clientId: '2' }).expect(201);
    expect(later.body.reply).toMatchObject({ mode: 'extractive', citations: [{ title: 'How do I cancel my subscription?' }] });
    expect(fake.requests.filter((r) => r.path === '/v1/chat/completions').length).toBe(1);
  });

  it('refuses oversized and malformed messages with a clear error, storing nothing', async () => {
    const api = await start({ WIDGET_MESSAGE_MAX_CHARS: '100' });
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const long = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'x'.repeat(101), clientId: '1' }).expect(422);
    expect(long.body.error).toMatchObject({ code: 'validation_failed', fields: { text: 'At most 100 characters (this one has 101).' } });
    const huge = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'x'.repeat(70_000) }).expect(413);
    expect(huge.body.error.code).toBe('too_large');
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).set('Content-Type', 'application/json').send('{"text": ').expect(400);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: '   ' }).expect(422);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 42 }).expect(422);
    expect(await t.container.db('messages').count('* as n').first()).toEqual({ n: 0 });
  });

  it('limits messages per visitor with 429 and Retry-After', async () => {
    const api = await start({ WIDGET_VISITOR_MESSAGES_PER_MINUTE: '2' });
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    for (const id of ['1', '2']) await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'hello there', clientId: id }).expect(201);
    const limited = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'hello there', clientId: '3' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body.error.code).toBe('rate_limited');
    // Another visitor is not held back by the first one's limit.
    const other = await visitor(api);
    const conv2 = await conversation(api, other.auth);
    await api.post(`/api/v1/conversations/${conv2.id}/messages`).set(other.auth).send({ text: 'hello there', clientId: '1' }).expect(201);
  });

  it('limits messages and new visitors per IP address', async () => {
    const api = await start({ WIDGET_IP_MESSAGES_PER_MINUTE: '2', WIDGET_NEW_VISITORS_PER_IP_PER_HOUR: '3' });
    const a = await visitor(api);
    const b = await visitor(api);
    await visitor(api);
    const tooMany = await api.post('/api/v1/visitors').send({}).expect(429);
    expect(Number(tooMany.headers['retry-after'])).toBeGreaterThan(60);
    const ca = await conversation(api, a.auth);
    const cb = await conversation(api, b.auth);
    await api.post(`/api/v1/conversations/${ca.id}/messages`).set(a.auth).send({ text: 'one', clientId: '1' }).expect(201);
    await api.post(`/api/v1/conversations/${cb.id}/messages`).set(b.auth).send({ text: 'two', clientId: '1' }).expect(201);
    await api.post(`/api/v1/conversations/${cb.id}/messages`).set(b.auth).send({ text: 'three', clientId: '2' }).expect(429);
  });

  it('keeps XSS payloads as text in JSON and escapes them in the chat frame', async () => {
    const api = await start();
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const res = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: payload, clientId: '1' }).expect(201);
    expect(res.body.message.text).toBe(payload);
    const thread = await api.get('/widget/thread').set(auth).set('HX-Request', 'true').expect(200);
    expect(thread.text).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(thread.text).not.toMatch(/<img|<script/);
  });

  it('records "Talk to the team" once, queues the conversation and says what happens next', async () => {
    const api = await start();
    const { auth } = await visitor(api);
    const conv = await conversation(api, auth);
    // Before any question it asks what about first, and queues nothing.
    const other = await conversation(api, auth);
    const early = await api.post(`/api/v1/conversations/${other.id}/handoff`).set(auth).expect(200);
    expect(early.body).toMatchObject({ askedFirst: true, conversation: { status: 'bot' }, notice: { text: "What can we help with? Write your question and I'll pass it on to the team." } });
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'Hi' }).expect(201);
    const first = await api.post(`/api/v1/conversations/${conv.id}/handoff`).set(auth).expect(200);
    expect(first.body.conversation.status).toBe('queued');
    expect(first.body.notice).toMatchObject({ author: 'system', text: expect.stringMatching(/online right now|closed right now/) });
    const again = await api.post(`/api/v1/conversations/${conv.id}/handoff`).set(auth).expect(200);
    expect(again.body.notice.id).toBe(first.body.notice.id);
    const row = await t.container.db('conversations').where({ id: conv.id }).first();
    expect(row.handoff).toMatchObject({ reason: 'person_request', evidence: 'the visitor pressed "Talk to the team"' });
  });

  it('takes calls only from Baton itself and the allowed sites, with CORS for those sites', async () => {
    const api = await start();
    await api.post('/api/v1/visitors').set('Origin', 'https://evil.example').send({}).expect(403);
    await api.post('/api/v1/visitors').set('Origin', 'http://baton.test').send({}).expect(201);
    await t.container.services.widget.save('system', { allowedOrigins: 'https://shop.example/any/page\nhttps://www.shop.example', colour: '#0f766e', greeting: '', position: 'left', language: 'auto' });
    const ok = await api.post('/api/v1/visitors').set('Origin', 'https://shop.example').send({}).expect(201);
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example');
    const preflight = await api.options('/api/v1/conversations').set('Origin', 'https://www.shop.example').set('Access-Control-Request-Method', 'POST').expect(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    await api.post('/api/v1/visitors').set('Origin', 'https://shop.example.evil.example').send({}).expect(403);
  });
});

describe('the loader and the chat frame', () => {
  it('serves /widget.js small, cacheable, loadable from any site, and with the admin defaults written in', async () => {
    const api = await start();
    await t.container.services.widget.save('system', { allowedOrigins: '', colour: '#0F766E', greeting: '', position: 'left', language: 'da' });
    const res = await api.get('/widget.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('{"colour":"#0f766e","position":"left","language":"da","allowed":[');
    expect(gzipSync(res.text).length).toBeLessThanOrEqual(5 * 1024);
  });

  it('lets only Baton and the allowed sites frame the chat, and sets no cookie', async () => {
    const api = await start();
    const before = await api.get('/widget/frame').expect(200);
    expect(before.headers['content-security-policy']).toContain("frame-ancestors 'self';");
    await t.container.services.widget.save('system', { allowedOrigins: 'https://shop.example', colour: '#0f766e', greeting: '', position: 'right', language: 'auto' });
    const res = await api.get('/widget/frame?lang=de').expect(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self' https://shop.example;");
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('<html lang="de" data-accent="#0f766e">');
    expect(res.text).toContain('Mit dem Team sprechen');
    // Other pages still refuse to be framed.
    const login = await api.get('/login');
    expect(login.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it("follows the browser's language unless the site sets one", async () => {
    const api = await start();
    expect((await api.get('/widget/frame').set('Accept-Language', 'fr-CH, fr;q=0.9, en;q=0.8')).text).toContain('<html lang="fr"');
    expect((await api.get('/widget/frame').set('Accept-Language', 'ja, es;q=0.5')).text).toContain('<html lang="es"');
    expect((await api.get('/widget/frame?lang=da').set('Accept-Language', 'fr')).text).toContain('<html lang="da"');
    expect((await api.get('/widget/frame').set('Accept-Language', 'ja')).text).toContain('<html lang="en"');
  });
});
