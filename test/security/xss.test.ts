import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAIL_SET, signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { useFakeMistral } from '../support/mistral.js';

const fake = useFakeMistral();
let t: TestApp;
afterEach(async () => {
  await t?.close();
});

/** Stored payloads of the kinds that have hit chat widgets and inboxes. */
const P = `<script>alert("xss")</script><img src=x onerror=alert(1)>"><svg onload=alert(2)>'><iframe src=javascript:alert(3)>`;
const LINK = '[click me](javascript:alert(4))';

/** Live markup from a payload: a script, an event handler, a javascript: URL. */
const LIVE = /<script>alert|<img[^>]*onerror|<svg[^>]*onload|<iframe[^>]*javascript:|href\s*=\s*["']?\s*javascript:/i;

function inert(where: string, html: string, shown = true) {
  expect(html, where).not.toMatch(LIVE);
  // The payload is on the page, as text: an escaping test that rendered nothing would prove nothing.
  if (shown) expect(html, where).toContain('&lt;script&gt;alert(');
}

describe('stored XSS', () => {
  it('shows every payload as text: visitor messages and names, model output, agent replies, snippets, the organisation name, in pages, the widget and emails', async () => {
    let offset = 0;
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url, ...MAIL_SET }, overrides: { clock: { now: () => new Date(Date.now() + offset) } } });
    const { user: ada, agent: admin, token: csrf } = await signedInAdmin(t, '/inbox');
    await t.container.db('organisations').update({ name: `Acme ${P}` });
    const snippet = await t.container.services.knowledge.createSnippet('system', { question: `How are refunds paid? ${P}`, answer: `Refunds are paid within 5 days. ${P} ${LINK}` });
    fake.reply = () => JSON.stringify({ answer: `Refunds take 5 days. ${P} ${LINK}`, sources: [1], confidence: 'high', handoff: null, person: false });

    const api = t.agent();
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const bearer = { Authorization: `Bearer ${token}` };
    // The site vouches for the address, so the team's reply is emailed (a typed one waits for confirmation).
    const hash = createHmac('sha256', t.container.identityKey).update('eve@example.com').digest('hex');
    await api.patch('/api/v1/visitors/me').set(bearer).send({ name: `Eve ${P}`, email: 'eve@example.com', hash }).expect(200);
    const conv = (await api.post('/api/v1/conversations').set(bearer).send({ pageUrl: `https://shop.example/?q=${encodeURIComponent(P)}` }).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(bearer).send({ text: `How are refunds paid? ${P} ${LINK}` }).expect(201);
    await api.post(`/api/v1/conversations/${conv.id}/handoff`).set(bearer).send({}).expect(200);
    await t.container.services.inbox.claim(ada, conv.id);
    await t.container.services.inbox.reply(ada, conv.id, { text: `Here you go ${P} ${LINK}` });
    await t.container.services.conversations.settled();

    // The inbox: list, conversation, search.
    inert('inbox', (await admin.get('/inbox')).text);
    inert('inbox list', (await admin.get('/inbox/list?queue=mine')).text);
    inert('conversation', (await admin.get(`/inbox/conversations/${conv.id}`)).text);
    inert('inbox search', (await admin.get(`/inbox/list?queue=open&q=${encodeURIComponent('refunds')}`)).text, false);
    // Knowledge, privacy and the audit log.
    inert('knowledge', (await admin.get('/knowledge')).text);
    inert('snippet form', (await admin.get(`/knowledge/snippets/${snippet.id}`)).text);
    inert('visitor data', (await admin.post('/settings/privacy/visitors').type('form').send({ email: 'eve@example.com', _csrf: csrf })).text, false);
    inert('home', (await admin.get('/')).text);

    // The visitor's widget: the AI's answer, its citation, the agent's reply, the greeting with the organisation's name.
    const thread = await api.get('/widget/thread').set(bearer).set('Origin', 'http://baton.test');
    expect(thread.status).toBe(200);
    inert('widget thread', thread.text);
    inert('widget frame', (await api.get('/widget/frame')).text);

    // Emails, rendered from the outbox rows exactly as the dispatcher renders them.
    // Past the reply batch window, the agent's reply is released to the outbox.
    offset = 15 * 60_000;
    await t.container.services.followups.releaseReplies();
    const rows = (await t.container.db('outbox_emails').whereIn('status', ['pending', 'sent']).select('template', 'data')) as { template: string; data: Record<string, unknown> }[];
    expect(rows.map((r) => r.template)).toContain('visitor-reply');
    for (const row of rows) inert(`email ${row.template}`, t.container.views.render(`emails/${row.template}.html.eta`, row.data), false);
    const reply = rows.find((r) => r.template === 'visitor-reply')!;
    expect(t.container.views.render('emails/visitor-reply.html.eta', reply.data)).toContain('Here you go &lt;script&gt;');
  });
});
