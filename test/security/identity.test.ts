import { createHmac } from 'node:crypto';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInAdmin, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const rule = { r0_name: 'Enterprise customers', r0_enabled: 'on', r0_emailDomains: 'bigcorp.com', r0_pageUrlContains: '', r0_phrases: '', r0_pattern: '', r0_aiAnswersInRow: '', r0_negativeFeedback: '' };

/**
 * Any visitor could set any email and be taken for it: a stranger typing cto@bigcorp.com
 * jumped the queue through an email-domain rule. Only an email the site vouches for (signed
 * with the key from Settings › Widget) counts.
 */
describe("a visitor's identity", () => {
  it('is verified only with the HMAC the site signs with; email-domain rules trust nothing else', async () => {
    t = await startTestApp();
    const { agent } = await signedInAdmin(t, '/settings/handoff');
    const widgetPage = await agent.get('/settings/widget').expect(200);
    expect(widgetPage.text).toContain(t.container.identityKey);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/settings/handoff')).text)![1]!;
    await agent.post('/settings/handoff/rules').set('HX-Request', 'true').set('X-CSRF-Token', csrf).type('form').send(rule).expect(204);
    await t.container.services.knowledge.createSnippet('system', { question: 'How do I add more seats?', answer: 'Open Settings, then Team, and press Add seats.' });
    const sign = (email: string, key = t!.container.identityKey) => createHmac('sha256', key).update(email).digest('hex');

    const api = supertest(t.app);
    const visitor = async (identity?: Record<string, string>) => {
      const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
      const auth = { Authorization: `Bearer ${token}` };
      const identified = identity ? await api.patch('/api/v1/visitors/me').set(auth).send(identity) : undefined;
      const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
      const said = await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'How do I add more seats?' }).expect(201);
      return { identified, handoff: (said.body as { reply: { handoff: { reason: string } | null } }).reply.handoff };
    };

    // Typed: kept, not verified, and not trusted by the rule.
    const typed = await visitor({ email: 'cto@bigcorp.com' });
    expect(typed.identified?.body).toMatchObject({ email: 'cto@bigcorp.com', verified: false });
    expect(typed.handoff).toBeNull();
    // A wrong hash, or a hash made with another key, is refused.
    for (const hash of [sign('someone@else.com'), sign('cto@bigcorp.com', 'not the key'), 'abc']) {
      const refused = await visitor({ email: 'cto@bigcorp.com', hash });
      expect(refused.identified?.status).toBe(422);
      expect(refused.handoff).toBeNull();
    }
    // Signed by the site: verified, and the rule applies.
    const vouched = await visitor({ email: 'cto@bigcorp.com', hash: sign('cto@bigcorp.com') });
    expect(vouched.identified?.body).toMatchObject({ verified: true });
    expect(vouched.handoff).toMatchObject({ reason: 'rule' });
  });
});
