import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs, runJob } from '../../src/jobs/schedule.js';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { groundedModel, useFakeMistral } from '../support/mistral.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const fake = useFakeMistral();
let t: TestApp;
let replica: TestApp | undefined;
let smtp: TestSmtp | undefined;
/** The app's clock runs this far from real time (database timestamps of fixtures are set explicitly). */
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };

afterEach(async () => {
  await replica?.close();
  await t?.close();
  await smtp?.close();
  replica = undefined;
  smtp = undefined;
  offset = 0;
});

const llm = () => ({ MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url });

const DAY = 86_400_000;

/**
 * One escalation written straight into the tables, as the services would have: a visitor's
 * messages, for "unsure" the AI answer that handed off (with what it retrieved), the handoff
 * event, and optionally a teammate's reply.
 */
async function escalation(
  app: TestApp,
  f: { questions: string[]; reason: 'unsure' | 'person_request' | 'sensitive' | 'dissatisfied' | 'rule'; at: Date; agent?: { id: string; text: string }; retrieved?: { sourceId: string; title: string; cited: boolean }[] },
): Promise<{ conversationId: string; replyId?: string }> {
  const db = app.container.db;
  const at = f.at;
  const [visitor] = (await db('visitors').insert({ created_at: at, last_seen_at: at }).returning('id')) as { id: string }[];
  const [conv] = (await db('conversations').insert({ visitor_id: visitor!.id, language: 'en', status: 'queued', created_at: at, updated_at: at, last_message_at: at }).returning('id')) as { id: string }[];
  const id = conv!.id;
  let last: string | undefined;
  for (const [i, q] of f.questions.entries()) {
    const [m] = (await db('messages').insert({ conversation_id: id, author: 'visitor', text: q, episode: 1, created_at: new Date(at.getTime() - (f.questions.length - i) * 60_000) }).returning('id')) as { id: string }[];
    last = m!.id;
  }
  if (f.reason === 'unsure') {
    await db('messages').insert({
      conversation_id: id,
      author: 'assistant',
      text: 'I am not sure.',
      reply_to: last,
      episode: 1,
      meta: JSON.stringify({ mode: 'llm', confidence: 'low', handoff: { reason: 'unsure', evidence: 'the answer cited none of the passages it was given' }, retrieved: (f.retrieved ?? []).map((r) => ({ ...r, section: '', url: '', page: null, score: 0.1 })), searched: ['invoices', 'pdf'] }),
      created_at: new Date(at.getTime() - 1000),
    });
  }
  await db('conversation_events').insert({ conversation_id: id, episode: 1, type: 'hand_off', from_status: 'bot', to_status: 'queued', data: JSON.stringify({ reason: f.reason, evidence: 'fixture' }), created_at: at });
  let replyId: string | undefined;
  if (f.agent) {
    const [r] = (await db('messages').insert({ conversation_id: id, author: 'agent', text: f.agent.text, user_id: f.agent.id, episode: 1, created_at: new Date(at.getTime() + 4 * 60_000) }).returning('id')) as { id: string }[];
    replyId = r!.id;
  }
  return { conversationId: id, replyId };
}

describe('the escalation review', () => {
  it('groups escalations by reason and by topic: paraphrases together, bare "a person please" apart, the question read from before "that did not help"', async () => {
    t = await startTestApp({ overrides: { clock } });
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    await escalation(t, { questions: ['How do I export my invoices as PDF?'], reason: 'unsure', at: at(5), agent: { id: ada.id, text: 'Billing › Invoices › Download PDF.' } });
    await escalation(t, { questions: ['Can I download an invoice in PDF format?'], reason: 'unsure', at: at(4) });
    // The question comes before "a human please": the topic is read from it.
    await escalation(t, { questions: ['where is the pdf of my invoice', 'a human please'], reason: 'person_request', at: at(3) });
    await escalation(t, { questions: ['Do you ship to Norway?'], reason: 'unsure', at: at(3) });
    await escalation(t, { questions: ['Shipping costs to Norway'], reason: 'person_request', at: at(2) });
    // "That didn't help" twice: the question is the one before.
    await escalation(t, { questions: ['How do I change my shipping address for Norway?', "that didn't help"], reason: 'dissatisfied', at: at(2) });
    await escalation(t, { questions: ['I want a refund for order 1042'], reason: 'sensitive', at: at(1) });
    // Only the button: no question at all.
    await escalation(t, { questions: [], reason: 'person_request', at: at(1) });
    // Outside the period.
    await escalation(t, { questions: ['How do I export invoices?'], reason: 'unsure', at: at(40) });

    const insights = t.container.services.insights;
    const review = await insights.review(await insights.period({ preset: '30d' }));
    expect(review.total).toBe(8);
    expect(review.byReason.map((g) => [g.reason, g.count])).toEqual([
      ['person_request', 3],
      ['unsure', 3],
      ['sensitive', 1],
      ['dissatisfied', 1],
    ]);
    const topics = review.topics.map((tp) => [tp.count, tp.escalations.map((e) => e.question).sort()]);
    // Equal sizes: the topic asked about most recently first.
    expect(topics).toEqual([
      [3, ['Do you ship to Norway?', 'How do I change my shipping address for Norway?', 'Shipping costs to Norway']],
      [3, ['Can I download an invoice in PDF format?', 'How do I export my invoices as PDF?', 'where is the pdf of my invoice']],
      [1, ['I want a refund for order 1042']],
      [1, [null]],
    ]);
    const invoices = review.topics[1]!;
    expect(invoices.reasons).toEqual({ unsure: 2, person_request: 1 });
    expect(invoices.agentAnswers.map((a) => [a.text, a.authorName])).toEqual([['Billing › Invoices › Download PDF.', 'Ada']]);
    // For an unsure handoff, what the AI had and why it was not enough.
    const unsure = invoices.escalations.find((e) => e.reason === 'unsure')!;
    expect(unsure.answer?.searched).toEqual(['invoices', 'pdf']);
  });

  it('marks a topic addressed once an answer is saved as knowledge, and shows whether the question came back', async () => {
    t = await startTestApp({ overrides: { clock } });
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const first = await escalation(t, { questions: ['How do I export my invoices as PDF?'], reason: 'unsure', at: at(10), agent: { id: ada.id, text: 'Open Billing, then Invoices, and press Download PDF.' } });
    await escalation(t, { questions: ['Can I download an invoice in PDF format?'], reason: 'unsure', at: at(9) });
    await escalation(t, { questions: ['Do you ship to Norway?'], reason: 'unsure', at: at(9), agent: { id: ada.id, text: 'Yes, in 3 to 5 days.' } });
    await escalation(t, { questions: ['Shipping to Norway?'], reason: 'unsure', at: at(8) });

    const insights = t.container.services.insights;
    const period = await insights.period({ preset: '30d' });
    // Fixes saved a week ago (the clock is moved back for the save).
    offset = -7 * DAY;
    await insights.saveAsKnowledge(ada, { ...(await insights.draftFromMessage(first.replyId!)), messageId: first.replyId });
    await insights.saveAsKnowledge(ada, { question: 'Do you ship to Norway?', answer: 'Yes, in 3 to 5 days.' });
    offset = 0;
    // Since then, the invoice question came back once; shipping did not.
    await escalation(t, { questions: ['invoice as pdf, how?'], reason: 'unsure', at: at(2) });

    const gaps = await insights.gaps(period);
    const byLabel = new Map(gaps.map((g) => [g.escalations.map((e) => e.question).sort()[0], g]));
    const invoices = byLabel.get('Can I download an invoice in PDF format?')!;
    const shipping = byLabel.get('Do you ship to Norway?')!;
    expect(invoices.fix?.fix.question).toBe('How do I export my invoices as PDF?');
    expect(invoices.fix?.cameBack).toBe(1);
    expect(shipping.fix?.cameBack).toBe(0);
    // Open topics first: the one that came back before the one that held.
    expect(gaps.indexOf(invoices)).toBeLessThan(gaps.indexOf(shipping));
    // The saved answer is a snippet, indexed at once.
    const hits = await t.container.services.knowledge.search('export invoices pdf');
    expect(hits.hits[0]?.chunk.title).toBe('How do I export my invoices as PDF?');
  });
});

describe('Save as knowledge, end to end', () => {
  it('an agent saves their reply; the same question asked another way gets an AI answer citing the snippet instead of a handoff', async () => {
    t = await startTestApp({ env: llm() });
    fake.reply = groundedModel();
    const api = supertest(t.app);
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my plan?', answer: 'Open Settings, then Plan, and press Cancel.' });
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');

    // A visitor asks what the content does not cover: the AI offers the team and the visitor accepts.
    const v1 = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth1 = { Authorization: `Bearer ${v1.token}` };
    const c1 = (await api.post('/api/v1/conversations').set(auth1).send({}).expect(201)).body as { id: string };
    const asked = await api.post(`/api/v1/conversations/${c1.id}/messages`).set(auth1).send({ text: 'How do I export my invoices as PDF?' }).expect(201);
    expect(asked.body.reply.offer).toBe(true);
    const yes = await api.post(`/api/v1/conversations/${c1.id}/messages`).set(auth1).send({ text: 'yes' }).expect(201);
    expect(yes.body.reply.handoff?.reason).toBe('unsure');

    // Ada claims it and answers.
    await ada.post(`/inbox/conversations/${c1.id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${c1.id}/messages`, { text: 'Open Billing, then Invoices, and press Download PDF next to the invoice.', kind: 'reply' }).expect(200);
    const reply = (await t.container.db('messages').where({ conversation_id: c1.id, author: 'agent' }).first('id')) as { id: string };

    // The conversation view offers "Save as knowledge" on her reply; the form is filled from it.
    const view = await ada.agent.get(`/inbox/conversations/${c1.id}`).expect(200);
    expect(view.text).toContain(`/insights/knowledge/new?message=${reply.id}`);
    const form = await ada.agent.get(`/insights/knowledge/new?message=${reply.id}`).expect(200);
    expect(form.text).toContain('value="How do I export my invoices as PDF?"');
    expect(form.text).toContain('Open Billing, then Invoices, and press Download PDF next to the invoice.</textarea>');
    // An empty answer is refused with the reason, keeping the question typed.
    const refused = await ada.post('/insights/knowledge', { question: 'How do I export my invoices as PDF?', answer: ' ', messageId: reply.id }).expect(422);
    expect(refused.text).toContain('Write the answer.');
    await ada.post('/insights/knowledge', { question: 'How do I export my invoices as PDF?', answer: 'Open Billing, then Invoices, and press Download PDF next to the invoice.', messageId: reply.id, returnTo: `/inbox/conversations/${c1.id}` }).expect(204);

    // Another visitor asks the same thing in other words: answered, citing the new snippet.
    const v2 = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth2 = { Authorization: `Bearer ${v2.token}` };
    const c2 = (await api.post('/api/v1/conversations').set(auth2).send({}).expect(201)).body as { id: string };
    const answered = await api.post(`/api/v1/conversations/${c2.id}/messages`).set(auth2).send({ text: 'Can I download an invoice in PDF format?' }).expect(201);
    expect(answered.body.reply.handoff).toBeNull();
    expect(answered.body.reply.mode).toBe('llm');
    expect(answered.body.reply.citations.map((c: { title: string }) => c.title)).toEqual(['How do I export my invoices as PDF?']);
    expect((await api.get(`/api/v1/conversations/${c2.id}`).set(auth2).expect(200)).body.status).toBe('bot');

    // The gaps page shows the topic addressed, not escalated since, and answered by the AI once.
    const gaps = await ada.agent.get('/insights/gaps').expect(200);
    expect(gaps.text).toContain('How do I export my invoices as PDF?');
    expect(gaps.text).toContain('Not escalated since.');
    expect(gaps.text).toContain('The AI has cited it in 1 answer since.');
  });
});

describe('ratings', () => {
  async function visitorWithAnswer(api: ReturnType<typeof supertest>) {
    const v = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${v.token}` };
    const c = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    const r = await api.post(`/api/v1/conversations/${c.id}/messages`).set(auth).send({ text: 'How do I cancel my plan?' }).expect(201);
    return { auth, id: c.id, answerId: r.body.reply.id as string, messageId: r.body.message.id as string };
  }

  it('an unhelpful answer counts as "that didn’t help": the next complaint hands off; rating again replaces the rating', async () => {
    t = await startTestApp({ env: llm() });
    fake.reply = groundedModel();
    const api = supertest(t.app);
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my plan?', answer: 'Open Settings, then Plan, and press Cancel.' });
    const { auth, id, answerId, messageId } = await visitorWithAnswer(api);

    await api.put(`/api/v1/conversations/${id}/messages/${answerId}/rating`).set(auth).send({ helpful: true }).expect(200);
    await api.put(`/api/v1/conversations/${id}/messages/${answerId}/rating`).set(auth).send({ helpful: false }).expect(200);
    expect(await t.container.db('answer_ratings').select('helpful')).toEqual([{ helpful: false }]);
    // Only the AI's answers, in the visitor's own conversation.
    expect((await api.put(`/api/v1/conversations/${id}/messages/${messageId}/rating`).set(auth).send({ helpful: false }).expect(422)).body.error.message).toContain('Only the assistant');
    await api.put(`/api/v1/conversations/${id}/messages/${answerId}/rating`).set(auth).send({ helpful: 'yes' }).expect(422);
    const other = await visitorWithAnswer(api);
    await api.put(`/api/v1/conversations/${id}/messages/${answerId}/rating`).set(other.auth).send({ helpful: false }).expect(404);

    const complaint = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: "That didn't help" }).expect(201);
    expect(complaint.body.reply.handoff?.reason).toBe('dissatisfied');
  });

  it('an operator rule on unhelpful ratings fires once the visitor rated that many answers down', async () => {
    t = await startTestApp({ env: llm() });
    fake.reply = groundedModel();
    const api = supertest(t.app);
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my plan?', answer: 'Open Settings, then Plan, and press Cancel.' });
    await t.container.services.handoff.saveRules('system', [{ name: 'Two thumbs down', enabled: true, phrases: '', pattern: '', pageUrlContains: '', emailDomains: '', aiAnswersInRow: '', negativeFeedback: '2' }]);
    const { auth, id, answerId } = await visitorWithAnswer(api);
    await api.put(`/api/v1/conversations/${id}/messages/${answerId}/rating`).set(auth).send({ helpful: false }).expect(200);
    const second = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'And how do I cancel the plan today?' }).expect(201);
    expect(second.body.reply.handoff).toBeNull();
    await api.put(`/api/v1/conversations/${id}/messages/${second.body.reply.id}/rating`).set(auth).send({ helpful: false }).expect(200);
    const third = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Where is the plan page?' }).expect(201);
    expect(third.body.reply.handoff).toMatchObject({ reason: 'rule', detail: 'Two thumbs down' });
    expect(third.body.reply.handoff.evidence).toContain('2 answers rated unhelpful');
  });

  it('CSAT: refused before resolution, 1–5 after, replaced when given again, kept per episode', async () => {
    t = await startTestApp({ env: llm() });
    fake.reply = groundedModel();
    const api = supertest(t.app);
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada', 'admin');
    const { auth, id, answerId } = await visitorWithAnswer(api);
    expect((await api.put(`/api/v1/conversations/${id}/rating`).set(auth).send({ score: 5 }).expect(409)).body.error.message).toContain('once it is resolved');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/resolve`).expect(200);
    await api.put(`/api/v1/conversations/${id}/rating`).set(auth).send({ score: 6 }).expect(422);
    await api.put(`/api/v1/conversations/${id}/rating`).set(auth).send({ score: 2 }).expect(200);
    expect((await api.put(`/api/v1/conversations/${id}/rating`).set(auth).send({ score: 4, comment: 'Quick, thanks' }).expect(200)).body).toEqual({ score: 4, comment: 'Quick, thanks' });
    // Writing again starts episode 2; the rating still goes to the resolved episode 1.
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'One more thing about my plan' }).expect(201);
    await api.put(`/api/v1/conversations/${id}/rating`).set(auth).send({ score: 5 }).expect(200);
    expect(await t.container.db('conversation_ratings').select('episode', 'score')).toEqual([{ episode: 1, score: 5 }]);
    // The agent sees both ratings in the conversation.
    await api.put(`/api/v1/conversations/${id}/messages/${answerId}/rating`).set(auth).send({ helpful: false }).expect(200);
    const view = await ada.agent.get(`/inbox/conversations/${id}`).expect(200);
    expect(view.text).toContain('5 out of 5');
    expect(view.text).toContain('rated not helpful');
  });
});

describe('metrics', () => {
  it('per day: conversations, AI alone, handoffs by reason, first response, resolution and CSAT, with every day present; CSV the same', async () => {
    t = await startTestApp({ overrides: { clock } });
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const db = t.container.db;
    const insights = t.container.services.insights;
    const period = await insights.period({ preset: '7d' });
    const day = (i: number, hour = 12) => new Date(period.from.getTime() + i * DAY + hour * 3_600_000);
    // Day 1: two conversations the AI answered alone, one escalation answered after 6 minutes and resolved.
    for (const n of [1, 2]) {
      const [v] = (await db('visitors').insert({}).returning('id')) as { id: string }[];
      const [c] = (await db('conversations').insert({ visitor_id: v!.id, created_at: day(1, n), last_message_at: day(1, n) }).returning('id')) as { id: string }[];
      await db('messages').insert([
        { conversation_id: c!.id, author: 'visitor', text: 'How do I cancel?', episode: 1, created_at: day(1, n) },
        { conversation_id: c!.id, author: 'assistant', text: 'Open Settings.', episode: 1, meta: JSON.stringify({ mode: 'llm' }), created_at: day(1, n) },
      ]);
    }
    const handed = await escalation(t, { questions: ['Refund please'], reason: 'sensitive', at: day(1, 3), agent: { id: ada.id, text: 'Done.' } });
    await db('conversations').where({ id: handed.conversationId }).update({ created_at: day(1, 3) });
    await db('messages').where({ conversation_id: handed.conversationId, author: 'agent' }).update({ created_at: new Date(day(1, 3).getTime() + 6 * 60_000) });
    await db('conversation_events').insert({ conversation_id: handed.conversationId, episode: 1, type: 'resolve', from_status: 'assigned', to_status: 'resolved', created_at: new Date(day(1, 3).getTime() + 30 * 60_000) });
    await db('conversation_ratings').insert({ conversation_id: handed.conversationId, episode: 1, score: 5, created_at: day(1, 4) });
    // Day 3: one unsure escalation, never answered.
    await escalation(t, { questions: ['Do you ship to Norway?'], reason: 'unsure', at: day(3) });

    const m = await insights.metrics(period);
    expect(m.buckets).toHaveLength(7);
    const d1 = m.buckets[1]!;
    expect(d1).toMatchObject({ conversations: 3, aiAlone: 2, handedOff: 1, handoffs: { sensitive: 1 }, firstResponseMinutes: 6, csatCount: 1, csatSatisfied: 1 });
    // From the first visitor message (a minute before the handoff) to the resolution.
    expect(d1.resolutionMinutes).toBe(31);
    expect(m.buckets[3]).toMatchObject({ conversations: 1, aiAlone: 0, handoffs: { unsure: 1 }, firstResponseMinutes: null });
    expect(m.buckets[0]).toMatchObject({ conversations: 0, handedOff: 0 });
    expect(m.totals).toMatchObject({ conversations: 4, aiAlone: 2, handedOff: 2, firstResponseMinutes: 6 });

    const admin = await signedInTeammate(t, 'boss@example.com', 'Boss', 'admin');
    const csv = await admin.agent.get(`/insights/metrics.csv?from=${period.fromDate}&to=${period.toDate}&interval=day`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`baton-metrics-${period.fromDate}-to-${period.toDate}-by-day.csv`);
    const rows = csv.text.trim().split('\r\n').map((r) => r.split(','));
    expect(rows).toHaveLength(8);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect([rows[2]![col('conversations')], rows[2]![col('ai_alone_rate')], rows[2]![col('handoffs_sensitive')], rows[2]![col('first_response_median_minutes')]]).toEqual(['3', '66.7', '1', '6.0']);

    // By week: the same conversations in fewer buckets.
    const weekly = await insights.metrics(await insights.period({ preset: '7d', interval: 'week' }));
    expect(weekly.buckets.reduce((n, b) => n + b.conversations, 0)).toBe(4);
    expect(weekly.buckets.length).toBeLessThanOrEqual(2);
  });
});

describe('the insights pages', () => {
  it('show escalations by reason and topic with the AI resolution and handoff rate per day, escaping what visitors wrote, charts included', async () => {
    t = await startTestApp({ overrides: { clock } });
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    const hostile = '<img src=x onerror=alert(1)> invoice pdf';
    await escalation(t, { questions: [hostile], reason: 'unsure', at: new Date(Date.now() - DAY) });
    await escalation(t, { questions: ['<script>alert(2)</script> invoice pdf export'], reason: 'unsure', at: new Date(Date.now() - DAY) });

    const page = await ada.agent.get('/insights').expect(200);
    expect(page.text).toContain('AI resolution rate and handoff rate per day');
    expect(page.text).toContain('Escalations by reason');
    expect(page.text).toContain('AI unsure');
    expect(page.text).toContain('Most escalated topics');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).not.toContain('<script>alert(2)');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const svgs = page.text.match(/<svg class="chart-svg"[^>]*role="img"[^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(3);

    const escalations = await ada.agent.get('/insights/escalations').expect(200);
    expect(escalations.text).toContain('By topic');
    expect(escalations.text).not.toContain('<img src=x');
    expect(escalations.text).toContain('What the AI had');

    // Custom dates the wrong way round: the last 30 days instead, saying why.
    const wrong = await ada.agent.get('/insights?from=2026-11-20&to=2026-11-01').expect(200);
    expect(wrong.text).toContain('The end must not be before the start.');
    // Signed out: sent to sign in.
    await supertest(t.app).get('/insights').expect(303);
  });
});

describe('the weekly digest', () => {
  it('goes to each admin who wants it once a week, through the outbox, even with two replicas running the job at once', async () => {
    smtp = await startSmtp();
    const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Baton <baton@acme.test>' };
    t = await startTestApp({ env, overrides: { clock } });
    replica = await startTestApp({ env, overrides: { clock }, keepData: true });
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    const quiet = await createUser(t, { email: 'quiet@example.com', name: 'Quiet', role: 'admin' });
    await t.container.db('users').where({ id: quiet.id }).update({ weekly_digest: false });
    await createUser(t, { email: 'agent@example.com', name: 'Agent', role: 'agent' });
    await t.container.db('organisations').update({ time_zone: 'UTC' });

    // Tuesday noon (UTC): last week had an escalation.
    const tuesday = Date.UTC(2026, 10, 24, 12);
    offset = tuesday - Date.now();
    await escalation(t, { questions: ['How do I export my invoices as PDF?'], reason: 'unsure', at: new Date(Date.UTC(2026, 10, 18, 10)) });

    const digest = (app: TestApp) => jobs(app.container.services as never, { syncSchedule: undefined }).find((j) => j.name === 'send-weekly-digest')!;
    await Promise.all([runJob(digest(t), t.container.locker), runJob(digest(replica), replica.container.locker)]);
    await Promise.all([runJob(digest(t), t.container.locker), runJob(digest(replica), replica.container.locker)]);
    const rows = (await t.container.db('outbox_emails').where({ kind: 'digest' }).select('to_address', 'key')) as { to_address: string; key: string }[];
    expect(rows).toEqual([{ to_address: 'owner@example.com', key: expect.stringMatching(/^digest:2026-11-16:/) }]);

    // Back to real time: the outbox row was stamped by the database's clock.
    offset = 0;
    await t.container.services.followups.dispatch();
    const mail = await smtp.waitFor((m) => m.subject?.includes('week of 2026-11-16') ?? false);
    expect(mail.subject).toBe('Acme support, week of 2026-11-16: 1 conversations, 0% answered by the AI');
    expect(mail.text).toContain('Handed to the team: 1 (100%)');
    expect(mail.text).toContain('"How do I export my invoices as PDF?" (1)');
    expect(mail.text).toMatch(/http:\/\/baton\.test\/insights\/gaps\?from=2026-11-16&to=2026-11-22#topic-/);
    await t.container.services.followups.dispatch();
    expect(smtp.inbox.filter((m) => m.subject?.includes('week of'))).toHaveLength(1);
  });

  it('waits for Monday 08:00 in the organisation’s time zone, and sends nothing for a week without conversations', async () => {
    t = await startTestApp({ overrides: { clock } });
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await t.container.db('organisations').update({ time_zone: 'Europe/Copenhagen' });
    await escalation(t, { questions: ['Do you ship to Norway?'], reason: 'unsure', at: new Date(Date.UTC(2026, 10, 18, 10)) });
    const insights = t.container.services.insights;
    // Monday 07:30 in Copenhagen (06:30 UTC): not yet.
    offset = Date.UTC(2026, 10, 23, 6, 30) - Date.now();
    expect((await insights.weeklyDigest()).queued).toBe(0);
    // 08:05: last week's goes out.
    offset = Date.UTC(2026, 10, 23, 7, 5) - Date.now();
    expect(await insights.weeklyDigest()).toEqual({ queued: 1, week: '2026-11-16' });
    // A week later: that week had no conversations.
    offset = Date.UTC(2026, 10, 30, 9) - Date.now();
    expect(await insights.weeklyDigest()).toEqual({ queued: 0, week: '2026-11-23' });
  });
});
