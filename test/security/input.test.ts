import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, csrfFor, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Input no browser form sends is a 400, never a 500 with a stack trace in the log. */
describe('malformed input', () => {
  it('a NUL byte anywhere, or more than 1,000 form fields, is refused as bad input', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const agent = t.agent();
    const _csrf = await csrfFor(agent, '/login');
    const nulForm = await agent.post('/login').type('form').send({ email: 'ada\u0000@example.com', password: 'x', _csrf });
    expect(nulForm.status).toBe(400);
    expect(nulForm.text).toContain('not allowed');

    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    const nulJson = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'hello\u0000there' });
    expect(nulJson.status).toBe(400);
    expect(nulJson.body).toMatchObject({ error: { code: 'malformed' } });
    const nulQuery = await api.get(`/api/v1/conversations/${id}?x=%00`).set(auth);
    expect(nulQuery.status).toBe(400);

    const fields = Array.from({ length: 1200 }, (_, i) => `f${i}=x`).join('&');
    const many = await agent.post('/login').type('form').send(`${fields}&_csrf=${_csrf}`);
    expect(many.status).toBe(413);
    expect(many.text).toContain('too many fields');

    const errors = t.logs.filter((l) => (l.level as number) >= 50);
    expect(errors).toEqual([]);
  });
});
