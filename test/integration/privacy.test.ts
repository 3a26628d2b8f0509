import { afterEach, describe, expect, it } from 'vitest';
import { jobs, runJob } from '../../src/jobs/schedule.js';
import type { VisitorExport } from '../../src/services/privacy/types.js';
import type { User } from '../../src/services/team/types.js';
import type { Visitor } from '../../src/services/conversations/types.js';
import { MAIL_SET, createUser, signedInAdmin, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { useFakeMistral } from '../support/mistral.js';

const fake = useFakeMistral();
let t: TestApp;
let replica: TestApp | undefined;
afterEach(async () => {
  await replica?.close();
  await t?.close();
  replica = undefined;
});

const DAY = 86_400_000;

/**
 * A visitor who gave `email`, with a conversation handed to the team, the AI's answer rated, an
 * agent's reply (queued as an email: the visitor is not connected) and that reply saved as a snippet.
 */
async function visitorWithHistory(app: TestApp, agent: User, email: string, question: string) {
  const { conversations, visitors, inbox, insights } = app.container.services;
  const { visitor } = await visitors.createVisitor({ language: 'en' });
  const named = await visitors.identify(visitor, { email, name: `Name of ${email}` });
  const conversation = await conversations.start(named, { pageUrl: 'https://shop.example/help' });
  const { reply } = await ask(app, named, conversation.id, question);
  if (reply?.author === 'assistant') await conversations.rateAnswer(named, reply.id, false);
  await conversations.requestTeam(named, conversation.id);
  await inbox.claim(agent, conversation.id);
  const answer = await inbox.reply(agent, conversation.id, { text: `About "${question}": go to Billing, then Invoices.` });
  const snippet = await insights.saveAsKnowledge(agent, { question, answer: answer.text, messageId: answer.id });
  await app.container.services.followups.releaseReplies();
  return { visitor: named, conversation, snippet };
}

/** What the widget does with a visitor's message: store it, then answer it. */
async function ask(app: TestApp, visitor: Visitor, conversationId: string, text: string) {
  const { conversations } = app.container.services;
  const { conversation, message } = await conversations.receive(visitor, conversationId, { text });
  return conversations.respond(conversation, message);
}

const count = async (app: TestApp, table: string, where: Record<string, unknown> = {}) => Number(((await app.container.db(table).where(where).count('* as n')) as { n: string }[])[0]!.n);

describe("a visitor's data, by email", () => {
  it('is found, exported as JSON and erased after typing the address again, everywhere: messages, emails, ratings, snippets in the index; others untouched', async () => {
    t = await startTestApp({ env: MAIL_SET });
    const { user: ada, agent: browser, token } = await signedInAdmin(t, '/settings/privacy');
    const ann = await visitorWithHistory(t, ada, 'ann@example.com', 'How do I download my invoices?');
    // The same person on a second browser, with another address case.
    const { visitor: second } = await t.container.services.visitors.createVisitor();
    await t.container.services.visitors.identify(second, { email: 'ANN@example.com' });
    const bob = await visitorWithHistory(t, ada, 'bob@example.com', 'Do you ship to Norway?');
    expect(await count(t, 'outbox_emails')).toBeGreaterThanOrEqual(2);

    // Posted, so the address is in no URL and no request log line.
    const found = await browser.post('/settings/privacy/visitors').type('form').send({ email: 'Ann@Example.com', _csrf: token });
    expect(JSON.stringify(t.logs)).not.toMatch(/ann@example\.com/i);
    expect(found.status).toBe(200);
    expect(found.text).toMatch(/Visitor records<\/dt><dd>2/);
    expect(found.text).toContain('How do I download my invoices?');

    const exported = await browser.post('/settings/privacy/visitors/export').type('form').send({ email: 'ann@example.com', _csrf: token });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="baton-visitor-export-\d{4}-\d{2}-\d{2}\.json"/);
    const data = JSON.parse(exported.text) as VisitorExport;
    expect(data.format).toBe('baton.visitor-export.v1');
    expect(data.visitors).toHaveLength(2);
    expect(data.conversations).toHaveLength(1);
    const texts = data.conversations[0]!.messages.map((m) => m.text);
    expect(texts).toContain('How do I download my invoices?');
    expect(texts.some((x) => x.includes('go to Billing'))).toBe(true);
    expect(data.conversations[0]!.messages.find((m) => m.author === 'agent')?.authorName).toBe('Ada');
    expect(data.conversations[0]!.events.map((e) => e.type)).toContain('hand_off');
    expect(data.emails.map((e) => e.to)).toContain('ann@example.com');
    expect(data.knowledge).toEqual([expect.objectContaining({ question: 'How do I download my invoices?' })]);
    // Nothing of Bob's.
    expect(exported.text).not.toContain('Norway');

    // A wrong confirmation erases nothing.
    const wrong = await browser.post('/settings/privacy/visitors/erase').type('form').send({ email: 'ann@example.com', confirm: 'ann@example.org', _csrf: token });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Type the same email address to confirm');
    expect(await count(t, 'visitors', { id: ann.visitor.id })).toBe(1);

    const erased = await browser.post('/settings/privacy/visitors/erase').type('form').send({ email: 'ann@example.com', confirm: 'Ann@example.com', _csrf: token });
    expect(erased.status).toBe(303);
    const after = await browser.get(erased.headers.location as string);
    expect(after.text).toContain('Erased everything about that address: 1 conversation(s)');

    expect(await count(t, 'visitors', { id: ann.visitor.id })).toBe(0);
    expect(await count(t, 'visitors', { id: second.id })).toBe(0);
    expect(await count(t, 'messages', { conversation_id: ann.conversation.id })).toBe(0);
    expect(await count(t, 'answer_ratings', { conversation_id: ann.conversation.id })).toBe(0);
    expect(Number(((await t.container.db('outbox_emails').whereRaw('lower(to_address) = ?', ['ann@example.com']).count('* as n')) as { n: string }[])[0]!.n)).toBe(0);
    expect(await count(t, 'sources', { id: ann.snippet.id })).toBe(0);
    const search = await t.container.services.knowledge.search('download invoices', { limit: 5 });
    expect(search.hits.map((h) => h.chunk.sourceId)).not.toContain(ann.snippet.id);
    // Bob is untouched.
    expect(await count(t, 'messages', { conversation_id: bob.conversation.id })).toBeGreaterThan(0);
    expect(await count(t, 'sources', { id: bob.snippet.id })).toBe(1);

    // Searching again finds nothing, and says so.
    expect((await browser.post('/settings/privacy/visitors').type('form').send({ email: 'ann@example.com', _csrf: token })).text).toContain('Baton holds nothing for');

    // The audit log has both, with the address masked.
    const log = (await t.container.db('audit_events').whereIn('action', ['visitor.exported', 'visitor.erased']).orderBy('id')) as { action: string; actor: string; target: string; details: Record<string, number> }[];
    expect(log.map((l) => l.action)).toEqual(['visitor.exported', 'visitor.erased']);
    expect(log[1]).toMatchObject({ actor: 'ada@example.com', target: 'a**@example.com', details: { visitors: 2, conversations: 1, snippets: 1 } });
    expect(JSON.stringify(log)).not.toContain('ann@example.com');
    const page = await browser.get('/settings/audit?action=visitor.erased');
    expect(page.text).toMatch(/<td>\S+ erased the data of the visitor a\*\*@example\.com<ul class="changes small">(<li>[^<]+<\/li>)*<li>Visitors: 2<\/li>/);
  });

  it('is for admins only: agents get 403 on every privacy and audit route', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const { agent, post } = await signedInTeammate(t, 'ben@example.com', 'Ben', 'agent');
    for (const path of ['/settings/privacy', '/settings/privacy/visitors', '/settings/audit']) expect((await agent.get(path)).status, path).toBe(403);
    for (const path of ['/settings/privacy', '/settings/privacy/visitors', '/settings/privacy/visitors/export', '/settings/privacy/visitors/erase']) expect((await post(path, { email: 'a@b.c', confirm: 'a@b.c' })).status, path).toBe(403);
  });
});

describe('retention', () => {
  it('deletes what is past each period, from the tables, the index and the queue, once across two replicas, and records it', async () => {
    t = await startTestApp({ env: MAIL_SET });
    const { user: ada, agent: browser, token } = await signedInAdmin(t, '/settings/privacy');
    const bad = await browser.post('/settings/privacy').type('form').send({ conversationDays: '-3', visitorDataDays: '', emailRecordDays: '', _csrf: token });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('A whole number of days from 1 to 36500');
    const saved = await browser.post('/settings/privacy').type('form').send({ conversationDays: '30', visitorDataDays: '60', emailRecordDays: '7', llmHistory: 'on', _csrf: token });
    expect(saved.status).toBe(303);

    const old = await visitorWithHistory(t, ada, 'old@example.com', 'How do I cancel?');
    const recent = await visitorWithHistory(t, ada, 'new@example.com', 'How do I upgrade?');
    const db = t.container.db;
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    // The old conversation went quiet 31 days ago; its visitor is still seen on the site.
    await db('conversations').where({ id: old.conversation.id }).update({ last_message_at: ago(31) });
    // A visitor with an address, last seen 61 days ago, whose conversation is recent: forgotten, conversation kept.
    await db('visitors').where({ id: recent.visitor.id }).update({ last_seen_at: ago(61) });
    // An anonymous visitor who never wrote, gone for 61 days: removed.
    const [idle] = (await db('visitors').insert({ last_seen_at: ago(61), created_at: ago(70) }).returning('id')) as { id: string }[];
    // Email records: one sent 8 days ago goes, one sent today stays.
    await db('outbox_emails').insert([
      { key: 'old-record', kind: 'test', to_address: 'x@example.com', subject: 's', template: 'test', data: '{}', status: 'sent', created_at: ago(8), sent_at: ago(8) },
      { key: 'new-record', kind: 'test', to_address: 'y@example.com', subject: 's', template: 'test', data: '{}', status: 'sent', created_at: ago(1), sent_at: ago(1) },
    ]);
    const queued = async (conversationId: string) => Number(((await db('outbox_emails').where({ conversation_id: conversationId }).whereIn('status', ['held', 'pending']).count('* as n')) as { n: string }[])[0]!.n);
    const queuedForRecent = await queued(recent.conversation.id);
    expect(queuedForRecent).toBeGreaterThan(0);

    replica = await startTestApp({ keepData: true, env: MAIL_SET });
    const job = (app: TestApp) => jobs({ ...app.container.services, purgeRateLimits: async () => 0 }, { syncSchedule: undefined }).find((j) => j.name === 'purge-past-retention')!;
    const [a, b] = await Promise.all([runJob(job(t), t.container.locker), runJob(job(replica), replica.container.locker)]);
    const ran = [a, b].filter((r) => typeof r === 'object');
    expect(ran).toHaveLength(1);
    expect([a, b]).toContain('skipped: running on another replica');
    expect(ran[0]).toMatchObject({ conversations: 1, snippets: 1, visitorsDeleted: 1, visitorsAnonymised: 1, queuedEmails: queuedForRecent, emailRecords: 1 });

    expect(await count(t, 'conversations', { id: old.conversation.id })).toBe(0);
    expect(await count(t, 'sources', { id: old.snippet.id })).toBe(0);
    expect((await t.container.services.knowledge.search('cancel', { limit: 5 })).hits.map((h) => h.chunk.sourceId)).not.toContain(old.snippet.id);
    expect(await count(t, 'conversations', { id: recent.conversation.id })).toBe(1);
    expect(await db('visitors').where({ id: recent.visitor.id }).first('email', 'name', 'time_zone', 'email_consent_at')).toEqual({ email: null, name: null, time_zone: null, email_consent_at: null });
    expect(await queued(recent.conversation.id)).toBe(0);
    expect(await count(t, 'visitors', { id: idle!.id })).toBe(0);
    expect(await count(t, 'outbox_emails', { key: 'old-record' })).toBe(0);
    expect(await count(t, 'outbox_emails', { key: 'new-record' })).toBe(1);

    // Run again: nothing left to delete, and nothing more recorded.
    expect(await runJob(job(t), t.container.locker)).toMatchObject({ conversations: 0, visitorsAnonymised: 0, emailRecords: 0 });
    const log = (await db('audit_events').orderBy('id').select('action', 'actor', 'target', 'details')) as { action: string; actor: string; target: string | null; details: Record<string, unknown> }[];
    expect(log.filter((l) => l.action === 'retention.purged')).toEqual([expect.objectContaining({ actor: 'system', details: expect.objectContaining({ conversations: 1, emailRecords: 1 }) })]);
    // The settings change is in the log too, with what changed; the refused one is not.
    expect(log.filter((l) => l.action === 'settings.changed')).toEqual([
      expect.objectContaining({ actor: 'ada@example.com', target: 'Privacy', details: { conversationDays: { from: null, to: 30 }, visitorDataDays: { from: null, to: 60 }, emailRecordDays: { from: null, to: 7 } } }),
    ]);
  });
});

describe('what the LLM is sent', () => {
  it('masks personal data in the question and in history, and sends no history at all when that is turned off', async () => {
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url } });
    const { agent: browser, token } = await signedInAdmin(t, '/settings/privacy');
    fake.reply = () => JSON.stringify({ answer: 'Noted.', sources: [], confidence: 'high', handoff: null, person: false });
    const { conversations, visitors } = t.container.services;
    const { visitor } = await visitors.createVisitor({ language: 'en' });
    const conversation = await conversations.start(visitor);
    await ask(t, visitor, conversation.id, 'My email is ann.smith@example.com and my card is 4111 1111 1111 1111.');
    await ask(t, visitor, conversation.id, 'Is +45 20 12 34 56 the right number for DE89 3704 0044 0532 0130 00?');
    await conversations.settled();
    const sent = JSON.stringify(fake.requests.map((r) => r.body));
    for (const secret of ['ann.smith@example.com', '4111 1111 1111 1111', '20 12 34 56', 'DE89 3704']) expect(sent).not.toContain(secret);
    expect(sent).toContain('[email]');
    expect(sent).toContain('[card number]');
    // The answer to the second question carried the first (masked) as history.
    type Body = { messages: { role: string; content: string }[] };
    const answering = (question: string) => fake.requests.map((r) => r.body as unknown as Body).filter((b) => b.messages.at(-1)?.content.startsWith(question));
    const second = answering('Is [phone]')[0]!;
    expect(second.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['My email is [email] and my card is [card number].', expect.stringContaining('[iban]')]);

    expect((await browser.post('/settings/privacy').type('form').send({ conversationDays: '', visitorDataDays: '', emailRecordDays: '', _csrf: token })).status).toBe(303);
    fake.requests.length = 0;
    await ask(t, visitor, conversation.id, 'And what about returns?');
    await conversations.settled();
    const third = answering('And what about returns?')[0]!;
    expect(third.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(third.messages[1]!.content).toBe('And what about returns?');
    expect(JSON.stringify(third)).not.toContain('[email]');
  });
});
