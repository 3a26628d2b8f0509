import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeMistral } from '../support/mistral.js';
import { createUser, csrfFor, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { listen } from '../support/browser.js';
import { openSse, type SseStream } from '../support/sse.js';

const fake = useFakeMistral();
let t: TestApp;
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await t?.close();
  t = undefined as unknown as TestApp;
});

const llm = () => ({ MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url });
/** The last prompt for an answer or a draft (handoff notes are written alongside, in the background). */
const lastAnswerPrompt = () => JSON.stringify(fake.requests.filter((r) => !JSON.stringify(r.body).includes('handoff notes')).at(-1)?.body);

async function start(env: Record<string, string> = {}) {
  t = await startTestApp({ env });
  // An admin exists, so the setup wizard is done.
  await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel. Your data is kept for 60 days.' });
  return supertest(t.app);
}

const teammate = (email: string, name: string, role: 'agent' | 'admin' = 'agent') => signedInTeammate(t, email, name, role);

/** A visitor whose conversation was handed to the team (they asked for a person). */
async function waitingVisitor(api: ReturnType<typeof supertest>, text = 'Can I talk to a human please?') {
  const res = await api.post('/api/v1/visitors').send({}).expect(201);
  const auth = { Authorization: `Bearer ${res.body.token as string}` };
  const conv = (await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/pricing' }).expect(201)).body as { id: string };
  const sent = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text }).expect(201);
  return { auth, id: conv.id, sent: sent.body as { reply: { handoff: unknown } | null } };
}

describe('the conversation state machine', () => {
  it('walks bot → queued → assigned → resolved → (visitor writes) bot, stores each step, and refuses illegal moves', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const bob = await teammate('bob@example.com', 'Bob');
    const { auth, id, sent } = await waitingVisitor(api);
    expect(sent.reply?.handoff).toMatchObject({ reason: 'person_request' });

    const read = await api.get(`/api/v1/conversations/${id}`).set(auth).expect(200);
    expect(read.body).toMatchObject({ status: 'queued', handoff: { reason: 'person_request' } });

    // Illegal: reopening an open conversation.
    const refused = await ada.post(`/inbox/conversations/${id}/reopen`).expect(409);
    expect(refused.text).toContain('cannot be reopened');

    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/assign`, { assignee: bob.user.id }).expect(200);
    await bob.post(`/inbox/conversations/${id}/release`).expect(200);
    await bob.post(`/inbox/conversations/${id}/claim`).expect(200);
    await bob.post(`/inbox/conversations/${id}/resolve`).expect(200);
    // Illegal: claiming a resolved conversation.
    expect((await ada.post(`/inbox/conversations/${id}/claim`).expect(409)).text).toContain('cannot be claimed');
    await ada.post(`/inbox/conversations/${id}/reopen`).expect(200);
    await ada.post(`/inbox/conversations/${id}/resolve`).expect(200);

    // The visitor writes again: a new episode with the bot.
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?' }).expect(201);
    const row = await t.container.db('conversations').where({ id }).first();
    expect(row).toMatchObject({ status: 'bot', episode: 2, assigned_to: null, handoff: null });

    const events = await t.container.db('conversation_events').where({ conversation_id: id }).orderBy('id');
    expect(events.map((e: { type: string; from_status: string; to_status: string }) => `${e.type}:${e.from_status}>${e.to_status}`)).toEqual([
      'hand_off:bot>queued',
      'claim:queued>assigned',
      'assign:assigned>assigned',
      'release:assigned>queued',
      'claim:queued>assigned',
      'resolve:assigned>resolved',
      'reopen:resolved>queued',
      'resolve:queued>resolved',
      'new_episode:resolved>bot',
    ]);
    expect(events[0].data).toMatchObject({ reason: 'person_request' });
    expect(events[2]).toMatchObject({ actor_id: ada.user.id, data: { to: bob.user.id } });

    // The timeline shows the steps in words.
    const page = await ada.agent.get(`/inbox/conversations/${id}`).expect(200);
    expect(page.text).toContain('Ada assigned it to Bob');
    expect(page.text).toContain('The visitor wrote again: a new episode with the AI');
  });

  it('gives the AI only the new episode after the visitor writes again', async () => {
    const api = await start(llm());
    const ada = await teammate('ada@example.com', 'Ada');
    const { auth, id } = await waitingVisitor(api, 'I want to speak to a person about my secret project Zebra');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/resolve`).expect(200);
    fake.reply = () => JSON.stringify({ answer: 'Open Settings, then Plan.', sources: [1], confidence: 'high', handoff: null, person: false });
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?' }).expect(201);
    const prompt = lastAnswerPrompt();
    expect(prompt).toContain('How do I cancel my subscription?');
    expect(prompt).not.toContain('Zebra');
  });
});

describe('claiming', () => {
  it('gives a conversation to exactly one of two agents claiming at the same moment; the other is told who has it', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const bob = await teammate('bob@example.com', 'Bob');
    for (let round = 0; round < 5; round++) {
      const { id } = await waitingVisitor(api);
      const [a, b] = await Promise.all([ada.post(`/inbox/conversations/${id}/claim`), bob.post(`/inbox/conversations/${id}/claim`)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? ada : bob;
      expect(loser.text).toContain(`${winner.user.name} already has this conversation.`);
      const row = await t.container.db('conversations').where({ id }).first();
      expect(row.assigned_to).toBe(winner.user.id);
      expect(await t.container.db('conversation_events').where({ conversation_id: id, type: 'claim' }).count('* as n').first()).toEqual({ n: 1 });
    }
  });
});

describe('one voice per thread', () => {
  it('lets only the assignee reply; others add private notes the visitor never sees; replies are stored once per clientId', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const bob = await teammate('bob@example.com', 'Bob');
    const { auth, id } = await waitingVisitor(api);

    expect((await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Hi!', kind: 'reply' }).expect(409)).text).toContain('Claim this conversation before replying');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    expect((await bob.post(`/inbox/conversations/${id}/messages`, { text: 'Me too', kind: 'reply' }).expect(403)).text).toContain('Ada has this conversation');
    await bob.post(`/inbox/conversations/${id}/messages`, { text: 'She is a VIP customer', kind: 'note' }).expect(200);

    const first = await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Hello, Ada here. How can I help?', kind: 'reply', clientId: 'c-1' }).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Hello, Ada here. How can I help?', kind: 'reply', clientId: 'c-1' }).expect(200);
    expect(first.text).toContain('Hello, Ada here.');
    expect(first.text).toContain('hx-target="#composer"');

    const visitorView = await api.get(`/api/v1/conversations/${id}`).set(auth).expect(200);
    const texts = visitorView.body.messages.map((m: { text: string }) => m.text);
    expect(texts.filter((x: string) => x === 'Hello, Ada here. How can I help?')).toHaveLength(1);
    expect(texts).not.toContain('She is a VIP customer');
    expect(visitorView.body.messages.at(-1)).toMatchObject({ author: 'agent', authorName: 'Ada' });

    // Reassigning: not Bob's to give away; an admin may.
    expect((await bob.post(`/inbox/conversations/${id}/assign`, { assignee: bob.user.id }).expect(403)).text).toContain('Only the agent who has this conversation');
    const admin = await teammate('root@example.com', 'Root', 'admin');
    await admin.post(`/inbox/conversations/${id}/assign`, { assignee: bob.user.id }).expect(200);
    await bob.post(`/inbox/conversations/${id}/messages`, { text: 'Bob taking over.', kind: 'reply' }).expect(200);
  });

  it('keeps the AI answering while queued, labelled and without promises, and makes it a drafting copilot once assigned', async () => {
    const api = await start(llm());
    const ada = await teammate('ada@example.com', 'Ada');
    const { auth, id } = await waitingVisitor(api);

    fake.reply = () => JSON.stringify({ answer: 'Open **Settings → Plan** and press Cancel.', sources: [1], confidence: 'high', handoff: null, person: false });
    const queued = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Meanwhile, how do I cancel my subscription?' }).expect(201);
    expect(queued.body.reply).toMatchObject({ mode: 'llm', text: 'Open **Settings → Plan** and press Cancel.' });
    expect(lastAnswerPrompt()).toContain('A teammate has already been asked to join');

    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    fake.reply = () => JSON.stringify({ answer: 'You can cancel under Settings → Plan.', sources: [1], confidence: 'high', handoff: null, person: false });
    const assigned = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'And is my data deleted when I cancel?' }).expect(201);
    expect(assigned.body.reply).toBeNull();

    // The draft is written in the background; it is internal and reaches the agent only.
    await expect.poll(async () => (await t.container.db('messages').where({ conversation_id: id, internal: true })).length, { timeout: 10_000 }).toBe(1);
    const view = await ada.agent.get(`/inbox/conversations/${id}`).expect(200);
    expect(view.text).toContain('The AI drafted this reply from How do I cancel my subscription?');
    expect(view.text).toContain('You can cancel under Settings → Plan.</textarea>');
    expect(lastAnswerPrompt()).toContain('drafting a reply for a human support agent');
    const visitorView = await api.get(`/api/v1/conversations/${id}`).set(auth).expect(200);
    expect(visitorView.body.messages.map((m: { text: string }) => m.text)).not.toContain('You can cancel under Settings → Plan.');
  });
});

describe('the handoff summary', () => {
  it("adds the LLM's note for the agent, written in the background after the handoff, with personal data masked", async () => {
    const api = await start(llm());
    const ada = await teammate('ada@example.com', 'Ada');
    fake.reply = (body) =>
      JSON.stringify(body).includes('handoff notes')
        ? JSON.stringify({ summary: 'The visitor was charged twice for order 1234 and wants a person; the AI has not answered.' })
        : JSON.stringify({ answer: 'Open Settings.', sources: [1], confidence: 'high', handoff: null, person: false });
    const { id } = await waitingVisitor(api, 'I was charged twice, my card is 4111 1111 1111 1111, I want a human');
    await t.container.services.conversations.settled();
    const view = await ada.agent.get(`/inbox/conversations/${id}`).expect(200);
    expect(view.text).toContain('The visitor was charged twice for order 1234 and wants a person; the AI has not answered.');
    const asked = fake.requests.find((r) => JSON.stringify(r.body).includes('handoff notes'));
    expect(JSON.stringify(asked?.body)).not.toContain('4111 1111 1111 1111');
  });
});

describe('the inbox pages', () => {
  it('lists queues with counts, searches messages, filters by reason and marks unread', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    await waitingVisitor(api, 'I want to talk to a human about invoices');
    const { id: second } = await waitingVisitor(api, 'My account was hacked, someone changed my password');
    await api.post('/api/v1/visitors').send({}).expect(201);

    const page = await ada.agent.get('/inbox').expect(200);
    expect(page.text).toMatch(/Waiting <span class="count" id="count-waiting">2<\/span>/);
    expect(page.text).toContain('waiting ');
    expect((page.text.match(/class="conv-row unread/g) ?? []).length).toBe(2);

    const search = await ada.agent.get('/inbox/list?queue=waiting&q=invoices').expect(200);
    expect(search.text).toContain('I want to talk to a human about invoices');
    expect(search.text).not.toContain('hacked');
    const byReason = await ada.agent.get('/inbox/list?queue=waiting&reason=sensitive').expect(200);
    expect(byReason.text).toContain('hacked');
    expect(byReason.text).not.toContain('invoices');

    // Opening a conversation marks it read for this agent only.
    await ada.agent.get(`/inbox/conversations/${second}`).expect(200);
    const after = await ada.agent.get('/inbox/list?queue=waiting').expect(200);
    expect((after.text.match(/class="conv-row unread/g) ?? []).length).toBe(1);
  });

  it('shows the reason, its evidence, the summary and the visitor context when a conversation is opened', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const res = await api.post('/api/v1/visitors').send({}).expect(201);
    const auth = { Authorization: `Bearer ${res.body.token as string}` };
    await api.patch('/api/v1/visitors/me').set(auth).send({ email: 'vera@shop.example' }).expect(200);
    const conv = (await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/pricing', language: 'en' }).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?' }).expect(201);
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: 'I want a refund for last month' }).expect(201);

    const view = await ada.agent.get(`/inbox/conversations/${conv.id}`).expect(200);
    expect(view.text).toContain('Sensitive topic');
    expect(view.text).toMatch(/class="evidence">[^<]*refund/);
    expect(view.text).toContain('First question</p><p class="quote">How do I cancel my subscription?');
    expect(view.text).toContain('Latest message</p><p class="quote">I want a refund for last month');
    expect(view.text).toContain('vera@shop.example');
    expect(view.text).toContain('https://shop.example/pricing');
    // The AI's answer with its citation, inline in the timeline and in the summary's sources.
    expect(view.text).toMatch(/class="tl-sources">\s*<li>How do I cancel my subscription\?/);
  });

  it('shows visitor, model and agent text as text, never as markup', async () => {
    const api = await start(llm());
    const ada = await teammate('ada@example.com', 'Ada <img src=x onerror=alert(1)>');
    const res = await api.post('/api/v1/visitors').send({}).expect(201);
    const auth = { Authorization: `Bearer ${res.body.token as string}` };
    await api.patch('/api/v1/visitors/me').set(auth).send({ name: '<script>alert("name")</script>' }).expect(200);
    const conv = (await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/"><script>alert(2)</script>' }).expect(201)).body as { id: string };
    fake.reply = () => JSON.stringify({ answer: 'Try <script>alert("model")</script> and <img src=x onerror=alert(3)> [x](javascript:alert(4))', sources: [1], confidence: 'high', handoff: null, person: false });
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: '<img src=x onerror=alert("visitor")> cancel subscription?' }).expect(201);
    await ada.post(`/inbox/conversations/${conv.id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${conv.id}/messages`, { text: '<script>alert("agent")</script>', kind: 'note' }).expect(200);

    const html = (await ada.agent.get(`/inbox/conversations/${conv.id}`).expect(200)).text;
    const list = (await ada.agent.get('/inbox?queue=open').expect(200)).text;
    for (const page of [html, list]) {
      expect(page).not.toMatch(/<script>alert/);
      expect(page).not.toMatch(/<img src=x/);
      expect(page).not.toContain('javascript:alert');
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;agent&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(&quot;visitor&quot;)&gt;');
    expect(list).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
  });

  it('is for signed-in teammates only, and an agent cannot reach admin pages', async () => {
    await start();
    const anonymous = await t.agent().get('/inbox').expect(303);
    expect(anonymous.headers.location).toBe('/login?returnTo=%2Finbox');
    const ada = await teammate('ada@example.com', 'Ada');
    await ada.agent.get('/inbox').expect(200);
    for (const path of ['/knowledge', '/team', '/settings/organisation', '/settings/widget']) {
      const res = await ada.agent.get(path);
      expect(res.status, path).toBe(403);
    }
    await ada.post('/settings/widget', { allowedOrigins: 'https://evil.example' }).expect(403);
  });
});

describe('presence', () => {
  it('is online while the inbox is open, and away when the agent says so', async () => {
    await start();
    // Bob has an account but no inbox open; Ada's helper opened hers.
    await createUser(t, { email: 'bob@example.com', name: 'Bob' });
    const ada = await teammate('ada@example.com', 'Ada');
    const page = await ada.agent.get('/inbox').expect(200);
    expect(page.text).toContain('presence-online');
    expect(await t.container.services.presence.online()).toEqual([ada.user.id]);
    const away = await ada.post('/inbox/presence/status', { status: 'away' }).expect(200);
    expect(away.text).toContain('Set online');
    expect(await t.container.services.presence.online()).toEqual([]);
    // A heartbeat keeps the chosen status.
    expect((await ada.post('/inbox/presence', { active: '1' }).expect(200)).text).toContain('presence-away');
    await ada.post('/inbox/presence/status', { status: 'online' }).expect(200);
    expect(await t.container.services.presence.online()).toEqual([ada.user.id]);
  });
});

describe('saved replies', () => {
  it('are shared by the team, offered in the reply box, replaced by shortcut and validated', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    await ada.post('/inbox/saved-replies', { shortcut: '/Refund-Policy', text: 'Refunds take <b>5</b> days.' }).expect(204);
    await ada.post('/inbox/saved-replies', { shortcut: 'refund-policy', text: 'Refunds take 5 working days.' }).expect(204);
    const bad = await ada.post('/inbox/saved-replies', { shortcut: 'two words', text: '' }).expect(422);
    expect(bad.text).toContain('Letters, digits, - and _');
    expect(bad.text).toContain('Write the reply.');

    const page = await ada.agent.get('/inbox/saved-replies').expect(200);
    expect(page.text).toContain('/refund-policy');
    expect(page.text).toContain('Refunds take 5 working days.');
    const { id } = await waitingVisitor(api);
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    const view = await ada.agent.get(`/inbox/conversations/${id}`).expect(200);
    expect(view.text).toContain('data-shortcut="refund-policy" data-text="Refunds take 5 working days."');

    const row = await t.container.db('canned_responses').first();
    await ada.post(`/inbox/saved-replies/${row.id}/delete`).expect(204);
    expect(await t.container.db('canned_responses').count('* as n').first()).toEqual({ n: 0 });
  });
});

describe('live updates', () => {
  async function streamFor(baseUrl: string, cookie: string, conversation?: string): Promise<SseStream> {
    const s = await openSse(`${baseUrl}/inbox/stream${conversation ? `?conversation=${conversation}` : ''}`, { cookie });
    closers.push(() => s.close());
    await s.next((e) => e.event === 'ready');
    return s;
  }

  it('an agent whose last inbox closes is offline within seconds, not when the heartbeat runs out; one of two open inboxes closing changes nothing', async () => {
    await start();
    const server = await listen(t.app);
    closers.push(() => server.close());
    const ada = await teammate('ada@example.com', 'Ada');
    await ada.agent.get('/inbox').expect(200);
    const first = await streamFor(server.url, ada.cookie);
    const second = await streamFor(server.url, ada.cookie);
    const online = () => t.container.services.presence.online();
    expect(await online()).toContain(ada.user.id);
    second.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(await online()).toContain(ada.user.id);
    first.close();
    for (let i = 0; i < 50 && (await online()).includes(ada.user.id); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await online()).not.toContain(ada.user.id);
    // Back in the inbox: online again at its first heartbeat.
    await ada.agent.get('/inbox').expect(200);
    expect(await online()).toContain(ada.user.id);
  });

  it("reaches an agent on a second app replica: a visitor's message posted to one arrives on the other's stream", async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const { auth, id } = await waitingVisitor(api);
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);

    // A second replica: its own container and HTTP server, the same database.
    const second = await startTestApp({ keepData: true });
    closers.push(() => second.close());
    const replicaB = await listen(second.app);
    closers.push(() => replicaB.close());
    const stream = await streamFor(replicaB.url, ada.cookie, id);

    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Are you still there? <b>hello</b>' }).expect(201);
    const arrived = await stream.next((e) => e.data.includes('Are you still there?'));
    expect(arrived.data).toContain('hx-target="#timeline"');
    expect(arrived.data).toContain('Are you still there? &lt;b&gt;hello&lt;/b&gt;');
    await stream.next((e) => e.event === 'inbox');
  });

  it('tells other agents about status changes, escalations, typing and viewers', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const bob = await teammate('bob@example.com', 'Bob');
    const server = await listen(t.app);
    closers.push(() => server.close());
    const overview = await streamFor(server.url, bob.cookie);

    const { auth, id } = await waitingVisitor(api);
    const escalation = await overview.next((e) => e.event === 'escalation');
    expect(JSON.parse(escalation.data)).toEqual({ id });

    const bobs = await streamFor(server.url, bob.cookie, id);
    await ada.agent.post(`/inbox/conversations/${id}/viewing`).set('X-CSRF-Token', await csrfFor(ada.agent, '/inbox')).expect(200);
    expect((await bobs.next((e) => e.data.includes('id="viewers"') && e.data.includes('Ada'))).data).toContain('Also viewing: Ada');

    await api.post(`/api/v1/conversations/${id}/typing`).set(auth).expect(204);
    expect((await bobs.next((e) => e.data.includes('typing'))).data).toContain('The visitor is typing');

    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    const changed = await bobs.next((e) => e.data.includes('id="conversation-body"'));
    expect(changed.data).toContain('Assigned to Ada');
    expect(changed.data).toContain('Ada has this conversation: only they reply to the visitor.');
  });
});

describe('the visitor side', () => {
  it('streams agent replies (with the agent name) and the agent typing to the visitor, and nothing internal', async () => {
    const api = await start();
    const ada = await teammate('ada@example.com', 'Ada');
    const { auth, id } = await waitingVisitor(api);
    const server = await listen(t.app);
    closers.push(() => server.close());
    const visitorStream = await openSse(`${server.url}/api/v1/conversations/${id}/events`, auth);
    closers.push(() => visitorStream.close());
    await visitorStream.next((e) => e.event === 'ready');

    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Secret note', kind: 'note' }).expect(200);
    await ada.post(`/inbox/conversations/${id}/typing`).expect(204);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Hi, I am Ada from support.', kind: 'reply' }).expect(200);

    expect(JSON.parse((await visitorStream.next((e) => e.event === 'typing')).data)).toEqual({ who: 'agent', name: 'Ada' });
    const status = await visitorStream.next((e) => e.event === 'status');
    expect(JSON.parse(status.data)).toMatchObject({ status: 'assigned', agentName: 'Ada' });
    const message = await visitorStream.next((e) => e.event === 'message' && e.data.includes('Ada from support'));
    expect(JSON.parse(message.data)).toMatchObject({ author: 'agent', authorName: 'Ada', text: 'Hi, I am Ada from support.' });
    expect(visitorStream.events.some((e) => e.data.includes('Secret note'))).toBe(false);
  });
});

/** The first day in the inbox (issue 18, item 12). */
describe('working through the queue', () => {
  it('after resolving goes on to the visitor waiting longest; "Ada joined" stays in the visitor\'s thread after a reload', async () => {
    const api = await start();
    const first = await waitingVisitor(api);
    const second = await waitingVisitor(api, 'A human please, my order 55 is stuck');
    const ada = await teammate('ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${first.id}/claim`).expect(200);
    const thread = await api.get('/widget/thread?lang=en').set(first.auth).set('HX-Request', 'true').expect(200);
    expect(thread.text).toContain('Ada joined the conversation.');
    // Claimed again (a double click): still one.
    await ada.post(`/inbox/conversations/${first.id}/claim`).expect(200);
    expect(await t.container.db('messages').where({ conversation_id: first.id }).andWhere('text', 'Ada joined the conversation.').count('* as n').first()).toEqual({ n: 1 });

    const resolved = await ada.post(`/inbox/conversations/${first.id}/resolve?queue=waiting`);
    expect(resolved.headers['hx-redirect']).toBe(`/inbox/conversations/${second.id}?queue=waiting`);
    await ada.post(`/inbox/conversations/${second.id}/claim`).expect(200);
    // Nobody else waits: the resolved conversation is shown again.
    const last = await ada.post(`/inbox/conversations/${second.id}/resolve`).expect(200);
    expect(last.headers['hx-redirect']).toBeUndefined();
  });

  it('saved replies can be edited; agents may try a question', async () => {
    await start();
    const ada = await teammate('ada@example.com', 'Ada');
    await ada.post('/inbox/saved-replies', { shortcut: 'refund', text: 'Refunds take 5 days.' });
    const { id } = await t.container.db('canned_responses').first('id');
    const edit = await ada.agent.get(`/inbox/saved-replies?edit=${id}`).expect(200);
    expect(edit.text).toContain('Edit /refund');
    expect(edit.text).toContain('Refunds take 5 days.</textarea>');
    const tried = await ada.agent.get('/knowledge/try?q=cancel%20my%20subscription').expect(200);
    expect(tried.text).toContain('Open Settings, then Plan');
    await ada.agent.get('/knowledge').expect(403);
  });
});
