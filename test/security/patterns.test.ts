import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { csrfFor, signedInAdmin, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const rule = (pattern: string) => ({ r0_name: 'Pattern', r0_enabled: 'on', r0_pattern: pattern, r0_phrases: '', r0_pageUrlContains: '', r0_emailDomains: '', r0_aiAnswersInRow: '', r0_negativeFeedback: '' });

/**
 * An operator's pattern is run in linear time: `^(\w+\s?)*$` took JavaScript's backtracking
 * engine 26 s on a 31-character message and blocked every request meanwhile; on the 60
 * characters below it would not finish in a lifetime, so without the fix this test hangs.
 */
describe('operator patterns', () => {
  it('cannot freeze the server, in the rules or in the test box; what RE2 cannot run is refused when saved', async () => {
    t = await startTestApp();
    const { agent } = await signedInAdmin(t, '/settings/handoff');
    const token = await csrfFor(agent, '/settings/handoff');
    const post = (path: string, body: Record<string, string>) => agent.post(path).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send(body);
    await post('/settings/handoff/rules', rule('^(\\w+\\s?)*$')).expect(204);
    const evil = `${'a'.repeat(60)}!`;

    const tested = await post('/settings/handoff/test', { text: evil }).expect(200);
    expect(tested.text).not.toContain('Hands off: Rule');
    const matching = await post('/settings/handoff/test', { text: 'just words here' }).expect(200);
    expect(matching.text).toContain('Pattern');

    const api = supertest(t.app);
    const { token: visitor } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${visitor}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: evil }).expect(201);

    for (const unsupported of ['(a)\\1', 'refund(?=ed)', 'x'.repeat(501)]) {
      const refused = await post('/settings/handoff/rules', rule(unsupported)).expect(422);
      expect(refused.text).toContain('Not a pattern Baton can run safely');
    }
  });
});
