import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp | undefined;
let smtp: TestSmtp | undefined;
let ahead = 0;
const clock = { now: () => new Date(Date.now() + ahead) };
afterEach(async () => {
  await t?.close();
  await smtp?.close();
  t = undefined;
  smtp = undefined;
  ahead = 0;
});

const ALL_DAY = Array.from({ length: 7 }, () => '00:00-00:00');
const PHISH = 'Your account is locked: sign in at http://evil.test/login within 24 hours';
const to = (m: { to?: unknown }) => (m.to && typeof m.to === 'object' && 'text' in m.to ? String(m.to.text) : '');

async function start() {
  smtp = await startSmtp();
  t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Acme <support@acme.test>', REPLY_BATCH_SECONDS: '60' }, overrides: { clock } });
  await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  await t.container.db('organisations').update({ name: 'Acme' });
  await t.container.services.availability.saveHours('system', { weekly: ALL_DAY, closures: '' });
  return supertest(t.app);
}

/** A visitor who writes `text` and asks for the team, in a conversation of their own. */
async function stranger(api: ReturnType<typeof supertest>, text = PHISH) {
  const { token, visitor } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string; visitor: { id: string } };
  const auth = { Authorization: `Bearer ${token}` };
  const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
  await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text }).expect(201);
  await api.post(`/api/v1/conversations/${id}/handoff`).set(auth).send({}).expect(200);
  return { auth, id, visitorId: visitor.id };
}

/**
 * Any visitor could type any address, and Baton mailed it the visitor's own words with a reply
 * address: one token sent 16 attacker-written emails to one inbox in a second. A typed address
 * now gets one plain confirmation first; nothing a visitor wrote goes there until its owner
 * presses "Confirm".
 */
describe('an address a visitor typed', () => {
  it('gets a fixed-text confirmation and nothing a visitor wrote until its owner confirms it', async () => {
    const api = await start();
    const attacker = await stranger(api);
    const left = await api.post('/api/v1/visitors/me/email').set(attacker.auth).send({ email: 'victim@example.org' }).expect(200);
    expect(left.body).toMatchObject({ verified: false, acknowledged: false, confirmation: 'sent' });
    // More conversations and handoffs, the address given again each time.
    for (let i = 0; i < 3; i++) {
      const { id } = (await api.post('/api/v1/conversations').set(attacker.auth).send({}).expect(201)).body as { id: string };
      await api.post(`/api/v1/conversations/${id}/messages`).set(attacker.auth).send({ text: `${PHISH} (${i})` }).expect(201);
      await api.post(`/api/v1/conversations/${id}/handoff`).set(attacker.auth).send({}).expect(200);
      await api.post('/api/v1/visitors/me/email').set(attacker.auth).send({ email: 'victim@example.org' }).expect(200);
    }
    // A teammate answers; the reply waits for the address to be confirmed.
    const ada = await signedInTeammate(t!, 'ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${attacker.id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${attacker.id}/messages`, { text: 'We are looking into it.', kind: 'reply', clientId: 'r1' }).expect(200);
    await t!.container.db('visitors').where({ id: attacker.visitorId }).update({ last_seen_at: new Date(Date.now() - 3_600_000) });
    ahead = 5 * 60_000;
    expect(await t!.container.services.followups.releaseReplies()).toEqual({ released: 0, skipped: 0 });
    await t!.container.services.followups.dispatch();

    const inbox = () => smtp!.inbox.filter((m) => to(m) === 'victim@example.org');
    await smtp!.waitFor((m) => to(m) === 'victim@example.org');
    expect(inbox()).toHaveLength(1);
    const [confirmation] = inbox();
    expect(confirmation!.subject).toBe('Confirm your email address for Acme');
    for (const part of [confirmation!.text ?? '', String(confirmation!.html)]) {
      expect(part).not.toContain('evil.test');
      expect(part).not.toContain('locked');
      expect(part).not.toMatch(/\/c\/[A-Za-z0-9_-]{20,}/);
    }
    expect(confirmation!.replyTo).toBeUndefined();

    // A scanner that opens the link confirms nothing; nor does a forged token, or a link for an
    // address the visitor has since changed.
    const link = new URL(/https?:\/\/\S+\/email\/confirm\/[A-Za-z0-9_-]+/.exec(confirmation!.text ?? '')![0]);
    const cookieFor = async (path: string) => ((await api.get(path).expect(303)).headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const cookie = await cookieFor(link.pathname);
    await api.get('/email/confirm').set('Cookie', cookie).expect(200);
    const token = link.pathname.split('/').pop()!;
    const forged = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    expect((await api.post('/email/confirm').set('Cookie', await cookieFor(`/email/confirm/${forged}`))).status).toBe(404);
    expect((await t!.container.db('visitors').where({ id: attacker.visitorId }).first()).email_verified_at).toBeNull();

    // The owner confirms: from now on the team's reply (and the acknowledgement) go there.
    const done = await api.post('/email/confirm').set('Cookie', cookie).expect(200);
    expect(done.text).toContain('Confirmed. Replies from Acme will come to victim@example.org.');
    expect(await t!.container.services.followups.releaseReplies()).toEqual({ released: 1, skipped: 0 });
    await t!.container.services.followups.dispatch();
    await smtp!.waitFor((m) => m.subject === 'Reply from Ada (Acme)');
    expect(inbox().map((m) => m.subject)).toContain('Reply from Ada (Acme)');

    // Changing the address afterwards: the old link confirms nothing new.
    await api.post('/api/v1/visitors/me/email').set(attacker.auth).send({ email: 'other@example.org' }).expect(200);
    const stale = await api.post('/email/confirm').set('Cookie', await cookieFor(link.pathname));
    expect(stale.status).toBe(404);
    expect((await t!.container.db('visitors').where({ id: attacker.visitorId }).first()).email_verified_at).toBeNull();
  });

  it('gets at most three confirmations a day, however it is spelled and whoever types it; a visitor may leave an email five times an hour', async () => {
    const api = await start();
    const spellings = ['victim@gmail.com', 'Vic.Tim@gmail.com', 'victim+support@googlemail.com', 'v.i.c.t.i.m+x@gmail.com'];
    const results: string[] = [];
    for (const email of spellings) {
      const v = await stranger(api, 'Hello');
      results.push((await api.post('/api/v1/visitors/me/email').set(v.auth).send({ email }).expect(200)).body.confirmation);
    }
    expect(results).toEqual(['sent', 'sent', 'sent', 'limited']);
    await t!.container.services.followups.dispatch();
    expect(await t!.container.db('outbox_emails').where({ kind: 'email_confirmation' }).count({ n: '*' })).toEqual([{ n: 3 }]);

    const one = await stranger(api, 'Hello');
    for (let i = 0; i < 5; i++) await api.post('/api/v1/visitors/me/email').set(one.auth).send({ email: `a${i}@example.net` }).expect(200);
    const refused = await api.post('/api/v1/visitors/me/email').set(one.auth).send({ email: 'a9@example.net' }).expect(429);
    expect(refused.headers['retry-after']).toBeTruthy();
    // The chat frame's form counts against the same allowance.
    await api.post('/widget/email').set(one.auth).set('Origin', 'http://baton.test').type('form').send({ email: 'b@example.net', lang: 'en' }).expect(429);
  });

  it('never sends replies held for an address to another one the visitor confirms later, and a link confirms only the address it was sent to', async () => {
    const api = await start();
    const v = await stranger(api, 'Hello, my parcel is late');
    await api.post('/api/v1/visitors/me/email').set(v.auth).send({ email: 'victim@example.org' }).expect(200);
    const ada = await signedInTeammate(t!, 'ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${v.id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${v.id}/messages`, { text: 'We are on it.', kind: 'reply', clientId: 'r1' }).expect(200);
    await t!.container.db('visitors').where({ id: v.visitorId }).update({ last_seen_at: new Date(Date.now() - 3_600_000) });

    // The visitor switches to their own address and confirms it.
    await api.post('/api/v1/visitors/me/email').set(v.auth).send({ email: 'own@example.org' }).expect(200);
    const own = t!.container.conversationLinks.signConfirmation(v.visitorId, 'own@example.org', new Date(Date.now() + 86_400_000));
    const cookie = ((await api.get(`/email/confirm/${own}`).expect(303)).headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    await api.post('/email/confirm').set('Cookie', cookie).expect(200);
    ahead = 5 * 60_000;
    expect(await t!.container.services.followups.releaseReplies()).toEqual({ released: 0, skipped: 1 });
    await t!.container.services.followups.dispatch();
    expect(smtp!.inbox.filter((m) => to(m) === 'victim@example.org').map((m) => m.subject)).toEqual(['Confirm your email address for Acme']);

    // The store confirms an address only while it is still the visitor's and unconfirmed.
    const visitors = t!.container.db('visitors');
    await visitors.clone().where({ id: v.visitorId }).update({ email: 'victim@example.org', email_verified_at: null });
    const { VisitorsRepo } = await import('../../src/adapters/storage/visitors-repo.js');
    const repo = new VisitorsRepo(t!.container.db);
    expect(await repo.confirmEmail(v.visitorId, 'own@example.org', new Date(), [])).toBeUndefined();
    expect((await visitors.clone().where({ id: v.visitorId }).first()).email_verified_at).toBeNull();
  });
});
