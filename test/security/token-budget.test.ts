import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { useFakeMistral } from '../support/mistral.js';

const fake = useFakeMistral();
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The LLM budget was per conversation: a visitor starting new conversations spent without end. */
describe('the LLM token budget', () => {
  it('is per visitor per day, across conversations: past it, replies are cited excerpts', async () => {
    t = await startTestApp({ env: { MISTRAL_API_KEY: 'k', MISTRAL_SERVER_URL: fake.url, VISITOR_DAILY_TOKEN_BUDGET: '1000', CONVERSATION_TOKEN_BUDGET: '100000' } });
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I cancel my subscription?', answer: 'Open Settings, then Plan, and press Cancel.' });
    fake.reply = () => JSON.stringify({ answer: 'Open Settings, then Plan, and press Cancel. '.repeat(150), sources: [1], confidence: 'high', handoff: null, person: false });
    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const ask = async () => {
      const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
      return ((await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I cancel my subscription?' }).expect(201)).body as { reply: { mode: string } }).reply.mode;
    };
    expect(await ask()).toBe('llm');
    // Each answer costs well over 1,000 tokens: the next conversation, new as it is, gets excerpts.
    expect(await ask()).toBe('extractive');
    expect(await ask()).toBe('extractive');
    // Another visitor, even at the same address (whose own daily budget is larger), still gets written answers.
    const other = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const { id } = (await api.post('/api/v1/conversations').set({ Authorization: `Bearer ${other.token}` }).send({}).expect(201)).body as { id: string };
    const theirs = await api.post(`/api/v1/conversations/${id}/messages`).set({ Authorization: `Bearer ${other.token}` }).send({ text: 'How do I cancel my subscription?' }).expect(201);
    expect(theirs.body.reply.mode).toBe('llm');
  });
});
