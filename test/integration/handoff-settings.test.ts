import { createHmac } from 'node:crypto';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, csrfFor, signedInAdmin, signIn, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
  t = undefined as unknown as TestApp;
});

async function admin() {
  t = await startTestApp();
  const { agent } = await signedInAdmin(t, '/settings/handoff');
  const token = await csrfFor(agent, '/settings/handoff');
  const post = (path: string, body: Record<string, string>) => agent.post(path).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send(body);
  return { agent, post };
}

/** A visitor says `text`; with `email`, the site vouched for it (Baton.identify with its hash). */
async function visitorSays(text: string, email?: string) {
  const api = supertest(t.app);
  const res = await api.post('/api/v1/visitors').send({}).expect(201);
  const auth = { Authorization: `Bearer ${res.body.token as string}` };
  if (email) await api.patch('/api/v1/visitors/me').set(auth).send({ email, hash: createHmac('sha256', t.container.identityKey).update(email).digest('hex') }).expect(200);
  const conv = (await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/enterprise/pricing' }).expect(201)).body as { id: string };
  const sent = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text }).expect(201);
  return sent.body.reply as { handoff: { reason: string; detail?: string; evidence: string } | null };
}

describe('Settings › Handoff', () => {
  it('tests a message against the defaults: which trigger fires and why, and no false alarm', async () => {
    const { agent, post } = await admin();
    const page = await agent.get('/settings/handoff').expect(200);
    for (const name of ['Billing disputes', 'Refunds and chargebacks', 'Hacked accounts', 'Legal threats']) expect(page.text).toContain(name);

    const chargeback = await post('/settings/handoff/test', { text: 'I will file a chargeback with my bank' }).expect(200);
    expect(chargeback.text).toContain('Hands off: Sensitive topic');
    expect(chargeback.text).toContain('refund_chargeback');
    const person = await post('/settings/handoff/test', { text: 'Kan jeg tale med et menneske?' }).expect(200);
    expect(person.text).toContain('Hands off: Asked for a person');
    const guard = await post('/settings/handoff/test', { text: 'How do I contact my customers?' }).expect(200);
    expect(guard.text).toContain('No trigger fires');
    expect((await post('/settings/handoff/test', { text: '   ' }).expect(422)).text).toContain('Write a message to test.');
  });

  it('saves a new sensitive category with phrases per language, and messages in it hand off without an AI answer', async () => {
    const { post } = await admin();
    await post('/settings/handoff/categories', { c0_name: 'Safety', c0_enabled: 'on', c0_phrases: '[en]\nbattery+fire\n[da]\nbatteri+brand' }).expect(204);
    const result = await post('/settings/handoff/test', { text: 'Mit batteri brand i nat' }).expect(200);
    expect(result.text).toContain('Hands off: Sensitive topic');
    expect(result.text).toContain('safety');
    const reply = await visitorSays('My battery fire alarm went off');
    expect(reply.handoff).toMatchObject({ reason: 'sensitive', detail: 'safety' });
    // Saving the list replaced the defaults: a chargeback is no longer sensitive.
    expect((await post('/settings/handoff/test', { text: 'I will file a chargeback' }).expect(200)).text).toContain('No trigger fires');
  });

  it('refuses a category without phrases or with an unknown language, keeping what was typed', async () => {
    const { post } = await admin();
    const res = await post('/settings/handoff/categories', { c0_name: 'Safety', c0_enabled: 'on', c0_phrases: '[xx]\nfire' }).expect(422);
    expect(res.text).toContain('&quot;[xx]&quot; is not one of the languages');
    expect(res.text).toContain('value="Safety"');
    const empty = await post('/settings/handoff/categories', { c0_name: 'Safety', c0_phrases: '' }).expect(422);
    expect(empty.text).toContain('Add at least one phrase.');
  });

  it('saves rules on email domain and page, and hands off with the rule as evidence', async () => {
    const { post } = await admin();
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I add more seats?', answer: 'Open Settings, then Team, and press Add seats.' });
    await post('/settings/handoff/rules', { r0_name: 'Enterprise customers', r0_enabled: 'on', r0_emailDomains: 'bigcorp.com', r0_pageUrlContains: '/enterprise', r0_phrases: '', r0_pattern: '', r0_aiAnswersInRow: '', r0_negativeFeedback: '' }).expect(204);
    const reply = await visitorSays('How do I add more seats?', 'cto@eu.bigcorp.com');
    expect(reply.handoff).toMatchObject({ reason: 'rule', detail: 'Enterprise customers' });
    expect(reply.handoff?.evidence).toContain('email at eu.bigcorp.com');
    const other = await visitorSays('How do I add more seats?', 'someone@small.example');
    expect(other.handoff).toBeNull();

    const bad = await post('/settings/handoff/rules', { r0_name: 'Broken', r0_enabled: 'on', r0_pattern: '(unclosed', r0_phrases: '', r0_pageUrlContains: '', r0_emailDomains: '', r0_aiAnswersInRow: '0', r0_negativeFeedback: '' }).expect(422);
    expect(bad.text).toContain('Not a pattern Baton can run safely');
    expect(bad.text).toContain('A whole number from 1 to 100.');
  });

  it('is for admins only', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'owner@example.com', role: 'admin' });
    await createUser(t, { email: 'agent@example.com', role: 'agent' });
    const agent = t.agent();
    await signIn(agent, 'agent@example.com');
    await agent.get('/settings/handoff').expect(403);
    const token = await csrfFor(agent, '/inbox');
    await agent.post('/settings/handoff/test').set('X-CSRF-Token', token).type('form').send({ text: 'hello' }).expect(403);
  });
});
