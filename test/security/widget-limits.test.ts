import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** One visitor token started conversations and handed off without limit, and every handoff can send mail. */
describe('what one visitor may start', () => {
  it('caps new conversations and requests for the team per visitor, with 429 and Retry-After', async () => {
    t = await startTestApp();
    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(((await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string }).id);
    const refused = await api.post('/api/v1/conversations').set(auth).send({});
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    for (let i = 0; i < 10; i++) expect((await api.post(`/api/v1/conversations/${ids[i]}/handoff`).set(auth).send({})).status).toBeLessThan(300);
    const tooMany = await api.post(`/api/v1/conversations/${ids[10]}/handoff`).set(auth).send({});
    expect(tooMany.status).toBe(429);

    // Another visitor is not held back by this one.
    const other = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    await api.post('/api/v1/conversations').set({ Authorization: `Bearer ${other.token}` }).send({}).expect(201);
  }, 60_000);
});
