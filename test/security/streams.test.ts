import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { STREAMS_PER_VISITOR } from '../../src/http/sse.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { listen } from '../support/browser.js';
import { openSse, type SseStream } from '../support/sse.js';

let t: TestApp | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await t?.close();
  t = undefined;
});

/** One visitor token held 2,000 live streams and ran the process out of file descriptors. */
describe("a visitor's live streams", () => {
  it('are capped per visitor: opening one more closes the oldest, on the API and in the chat frame', async () => {
    t = await startTestApp();
    const server = await listen(t.app);
    closers.push(() => server.close());
    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'hello there, anyone?' }).expect(201);

    const streams: SseStream[] = [];
    for (let i = 0; i < STREAMS_PER_VISITOR + 3; i++) {
      const s = await openSse(i % 2 ? `${server.url}/widget/stream` : `${server.url}/api/v1/conversations/${id}/events`, auth);
      closers.push(() => s.close());
      streams.push(s);
    }
    const state = async (s: SseStream) => Promise.race([s.ended.then(() => 'closed'), new Promise((r) => setTimeout(() => r('open'), 300))]);
    const states = [];
    for (const s of streams) states.push(await state(s));
    expect(states).toEqual([...Array(3).fill('closed'), ...Array(STREAMS_PER_VISITOR).fill('open')]);

    // Another visitor is not affected.
    const other = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const otherAuth = { Authorization: `Bearer ${other.token}` };
    const conv = (await api.post('/api/v1/conversations').set(otherAuth).send({}).expect(201)).body as { id: string };
    const theirs = await openSse(`${server.url}/api/v1/conversations/${conv.id}/events`, otherAuth);
    closers.push(() => theirs.close());
    expect(await state(theirs)).toBe('open');
  });
});
