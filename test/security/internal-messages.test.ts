import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { useFakeMistral } from '../support/mistral.js';

const fake = useFakeMistral();
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const DRAFT = 'Internal draft: you can cancel under Settings, Plan.';

/**
 * Messages for the team (the AI's drafts for the agent, notes) never reach the visitor, by any
 * path: a message sent again with the same clientId returns the reply stored for it, and that
 * must be the visible reply, never the draft written for the agent.
 */
describe('internal messages', () => {
  it('are not returned to a visitor who sends the same message again, through the API or the chat frame', async () => {
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url } });
    await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel.' });
    const api = supertest(t.app);
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Can I talk to a human please?' }).expect(201);
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);

    fake.reply = () => JSON.stringify({ answer: DRAFT, sources: [1], confidence: 'high', handoff: null, person: false });
    const first = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?', clientId: 'c-1' }).expect(201);
    expect(first.body.reply).toBeNull();
    // The draft for Ada exists (written in the background) before the visitor retries.
    await expect.poll(async () => (await t!.container.db('messages').where({ conversation_id: id, internal: true })).length, { timeout: 10_000 }).toBe(1);

    const again = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?', clientId: 'c-1' }).expect(201);
    expect(again.body.reply).toBeNull();
    expect(JSON.stringify(again.body)).not.toContain('Internal draft');
    const frame = await api.post('/widget/messages').set(auth).type('form').send({ text: 'How do I cancel my subscription?', clientId: 'c-1', lang: 'en' });
    expect(frame.status).toBeLessThan(300);
    expect(frame.text).toContain('How do I cancel my subscription?');
    expect(frame.text).not.toContain('Internal draft');
    const thread = await api.get(`/api/v1/conversations/${id}`).set(auth).expect(200);
    expect(JSON.stringify(thread.body)).not.toContain('Internal draft');
  });
});
