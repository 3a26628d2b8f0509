import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationsRepo } from '../../src/adapters/storage/conversations-repo.js';
import { createWebhookSender } from '../../src/adapters/web/webhook-sender.js';
import { RETRY_PAUSES_MS } from '../../src/services/integrations/retry.js';
import { verify } from '../../src/services/integrations/signature.js';
import type { EndpointInput } from '../../src/services/integrations/types.js';
import { createUser, signedInTeammate, startTestApp, type TestApp } from '../support/app.js';
import { startReceiver } from '../support/receiver.js';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
/** The app's clock runs this far ahead of real time, so retries come due without waiting. */
let ahead = 0;
const clock = { now: () => new Date(Date.now() + ahead) };

afterEach(async () => {
  await t?.close();
  await receiver?.close();
  t = undefined as unknown as TestApp;
  receiver = undefined;
  ahead = 0;
});

async function start(env: Record<string, string> = {}) {
  t = await startTestApp({ env: { INTEGRATIONS_ALLOW_PRIVATE: 'true', INTEGRATIONS_TIMEOUT_SECONDS: '1', ...env }, overrides: { clock } });
  await createUser(t, { email: 'owner@example.com', name: 'Owner', role: 'admin' });
  await t.container.db('organisations').update({ name: 'Acme' });
  return supertest(t.app);
}

const webhook = (url: string, events: EndpointInput['events'], more: Partial<EndpointInput> = {}): EndpointInput => ({ kind: 'webhook', name: 'CRM', url, events, includeQuestion: false, active: true, ...more });
const integrations = () => t.container.services.integrations;
const deliveriesOf = async (endpointId: string) => (await integrations().deliveries(endpointId)).reverse();

/** A visitor who asks for a person: a conversation, their message, Baton's notice, a handoff. */
async function visitorAsksForAPerson(api: ReturnType<typeof supertest>, text = 'Can I talk to a human please?') {
  const res = await api.post('/api/v1/visitors').send({}).expect(201);
  const auth = { Authorization: `Bearer ${res.body.token as string}` };
  const conv = (await api.post('/api/v1/conversations').set(auth).send({ pageUrl: 'https://shop.example/pricing' }).expect(201)).body as { id: string };
  await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text }).expect(201);
  return { auth, id: conv.id };
}

describe('webhooks', () => {
  it('record nothing while no endpoint is on', async () => {
    const api = await start();
    await visitorAsksForAPerson(api);
    expect(await t.container.db('integration_events').count({ n: '*' }).first()).toMatchObject({ n: 0 });
  });

  it('deliver each event once, signed, with the objects it is about', async () => {
    const api = await start();
    receiver = await startReceiver();
    const endpoint = await integrations().create('cli', webhook(receiver.url, ['conversation.created', 'conversation.handed_off', 'message.created', 'conversation.assigned', 'conversation.resolved']));
    const { id } = await visitorAsksForAPerson(api, 'I need a person about my invoice 1234, please');
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'Hello, Ada here.' }).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'private: check the invoice', kind: 'note' }).expect(200);
    await ada.post(`/inbox/conversations/${id}/resolve`).expect(200);

    expect(await integrations().dispatch()).toMatchObject({ failed: 0, retrying: 0 });
    // Deliveries may arrive out of order (a few go at once); each says when its event happened.
    const byTime = [...receiver.received].sort((a, b) => String(a.json.createdAt).localeCompare(String(b.json.createdAt)));
    expect(byTime.map((r) => r.json.type)).toEqual(['conversation.created', 'message.created', 'conversation.handed_off', 'conversation.assigned', 'message.created', 'conversation.resolved']);
    // The visitor's message, Baton's notice is a system message (not sent), Ada's reply; no note.
    const messages = byTime.filter((r) => r.json.type === 'message.created').map((r) => (r.json.data as { message: { author: string } }).message.author);
    expect(messages).toEqual(['visitor', 'agent']);
    expect(receiver.unique()).toHaveLength(receiver.received.length);

    const handedOff = receiver.received.find((r) => r.json.type === 'conversation.handed_off')!;
    expect(handedOff.json.data).toMatchObject({
      conversation: { id, status: expect.any(String), pageUrl: 'https://shop.example/pricing', link: `http://baton.test/inbox/conversations/${id}` },
      handoff: { reason: 'person_request', reasonText: 'Asked for a person', evidence: expect.any(String) },
      visitor: { id: expect.any(String), email: null },
    });
    for (const r of receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['baton-event']).toBe(r.json.type);
      expect(r.headers['baton-event-id']).toBe(r.json.id);
      expect(verify(endpoint.secret!, String(r.headers['baton-signature']), r.body, Math.floor(Date.now() / 1000))).toBe(true);
      // Signed with another secret, or the body changed: refused.
      expect(verify('whsec_other', String(r.headers['baton-signature']), r.body, Math.floor(Date.now() / 1000))).toBe(false);
      expect(verify(endpoint.secret!, String(r.headers['baton-signature']), r.body.replace('}', ' }'), Math.floor(Date.now() / 1000))).toBe(false);
    }
    const resolved = byTime.at(-1)!.json.data as { by: { name: string }; csat: unknown };
    expect(resolved).toMatchObject({ by: { name: 'Ada' }, csat: null });

    // Nothing more to send: a second run sends nothing again.
    const count = receiver.received.length;
    await integrations().dispatch();
    expect(receiver.received).toHaveLength(count);
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatus === 200 && d.lastResponse === 'thanks')).toBe(true);
  });

  it('send the visitor’s rating when they give it, after the resolution', async () => {
    const api = await start();
    receiver = await startReceiver();
    await integrations().create('cli', webhook(receiver.url, ['conversation.resolved', 'conversation.rated']));
    const { auth, id } = await visitorAsksForAPerson(api);
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/resolve`).expect(200);
    await api.put(`/api/v1/conversations/${id}/rating`).set(auth).send({ score: 4, comment: 'quick <b>and</b> kind' }).expect(200);
    await integrations().dispatch();
    expect(receiver.received.map((r) => r.json.type).sort()).toEqual(['conversation.rated', 'conversation.resolved']);
    const rated = receiver.received.find((r) => r.json.type === 'conversation.rated')!;
    expect(rated.json.data).toMatchObject({ conversation: { id }, csat: { episode: 1, score: 4, comment: 'quick <b>and</b> kind' } });
  });

  it('send internal notes only to an endpoint that asks for them', async () => {
    const api = await start();
    receiver = await startReceiver();
    await integrations().create('cli', webhook(receiver.url, ['note.created']));
    const { id } = await visitorAsksForAPerson(api);
    const ada = await signedInTeammate(t, 'ada@example.com', 'Ada');
    await ada.post(`/inbox/conversations/${id}/claim`).expect(200);
    await ada.post(`/inbox/conversations/${id}/messages`, { text: 'private: check the invoice', kind: 'note' }).expect(200);
    await integrations().dispatch();
    expect(receiver.received.map((r) => [r.json.type, (r.json.data as { message: { text: string; internal: boolean } }).message])).toEqual([['note.created', expect.objectContaining({ text: 'private: check the invoice', internal: true })]]);
  });

  it('keep failing deliveries and retry them with growing pauses until the receiver recovers, losing none', async () => {
    const api = await start();
    receiver = await startReceiver();
    receiver.mode = 'fail';
    const endpoint = await integrations().create('cli', webhook(receiver.url, ['conversation.created', 'message.created']));
    await visitorAsksForAPerson(api);
    expect(await integrations().dispatch()).toMatchObject({ delivered: 0, retrying: 2 });
    let log = await deliveriesOf(endpoint.id);
    expect(log.map((d) => [d.status, d.attempts, d.lastStatus, d.lastError])).toEqual([
      ['pending', 1, 500, 'it answered 500'],
      ['pending', 1, 500, 'it answered 500'],
    ]);
    expect(log[0]!.lastResponse).toBe('receiver broke <b>badly</b>');
    // Not due yet: nothing is sent.
    expect(await integrations().dispatch()).toMatchObject({ delivered: 0, retrying: 0 });

    // It hangs: the attempt ends at the timeout, and is retried later.
    receiver.mode = 'hang';
    ahead += RETRY_PAUSES_MS[0]! + 1000;
    expect(await integrations().dispatch()).toMatchObject({ retrying: 2 });
    log = await deliveriesOf(endpoint.id);
    expect(log.map((d) => [d.attempts, d.lastStatus])).toEqual([[2, null], [2, null]]);
    expect(log[0]!.lastError).toMatch(/no complete answer within 1 s/);

    // It is down altogether: said in words.
    const port = receiver.port;
    await receiver.close();
    ahead += RETRY_PAUSES_MS[1]! + 1000;
    await integrations().dispatch();
    expect((await deliveriesOf(endpoint.id))[0]!.lastError).toMatch(/the connection was refused/);

    // Back: both arrive, each once by id.
    receiver = await startReceiver(port);
    ahead += RETRY_PAUSES_MS[2]! + 1000;
    expect(await integrations().dispatch()).toMatchObject({ delivered: 2 });
    expect(receiver.unique().map((r) => r.json.type)).toEqual(['conversation.created', 'message.created']);
    expect((await deliveriesOf(endpoint.id)).map((d) => [d.status, d.attempts])).toEqual([['delivered', 4], ['delivered', 4]]);
  });

  it('give up after the last pause, and send again by hand with the same event id', async () => {
    const api = await start();
    receiver = await startReceiver();
    receiver.mode = 'fail';
    const endpoint = await integrations().create('cli', webhook(receiver.url, ['conversation.created']));
    await visitorAsksForAPerson(api);
    for (const pause of [0, ...RETRY_PAUSES_MS]) {
      ahead += pause + 1000;
      await integrations().dispatch();
    }
    const [failed] = await deliveriesOf(endpoint.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: RETRY_PAUSES_MS.length + 1 });
    ahead += 86_400_000;
    expect(await integrations().dispatch()).toMatchObject({ delivered: 0, failed: 0 });

    receiver.mode = 'ok';
    await integrations().resend('cli', failed!.id);
    expect(await integrations().dispatch()).toMatchObject({ delivered: 1 });
    expect(receiver.received.at(-1)!.json.id).toBe(failed!.eventId);
    expect(receiver.unique()).toHaveLength(1);
    const [entry] = await t.container.db('audit_events').where({ action: 'integration.resent' });
    expect(entry).toMatchObject({ target: 'CRM' });
  });

  it('send nothing to a paused endpoint, and keep what it missed waiting until it is on again', async () => {
    const api = await start();
    receiver = await startReceiver();
    receiver.mode = 'garbled';
    const endpoint = await integrations().create('cli', webhook(receiver.url, ['conversation.created']));
    await visitorAsksForAPerson(api);
    await integrations().dispatch();
    // A receiver's answer with a NUL byte is stored without it.
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastResponse: 'bad\ufffd\ufffdanswer' });
    receiver.mode = 'ok';
    await integrations().update('cli', endpoint.id, { ...webhook(receiver.url, ['conversation.created']), active: false });
    ahead += RETRY_PAUSES_MS[0]! + 1000;
    await integrations().dispatch();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    await integrations().update('cli', endpoint.id, webhook(receiver.url, ['conversation.created']));
    expect(await integrations().dispatch()).toMatchObject({ delivered: 1 });
  });

  it('refuse private addresses unless INTEGRATIONS_ALLOW_PRIVATE allows them, saying which setting', async () => {
    receiver = await startReceiver();
    const sender = createWebhookSender({ privateAccess: { kind: 'none' }, timeoutMs: 1000, userAgent: 'test' });
    const outcome = await sender.post(receiver.url, '{}', {});
    await sender.close();
    expect(outcome).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/INTEGRATIONS_ALLOW_PRIVATE/) });
    expect(receiver.received).toHaveLength(0);
  });

  it('lose payloads with the conversation retention deletes', async () => {
    const api = await start();
    receiver = await startReceiver();
    receiver.mode = 'fail';
    const endpoint = await integrations().create('cli', webhook(receiver.url, ['conversation.created', 'message.created']));
    const { id } = await visitorAsksForAPerson(api);
    await integrations().dispatch();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(2);
    await t.container.db('conversations').where({ id }).delete();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });
});

describe('Slack and Teams alerts', () => {
  it('post the reason, the promise and a link on a handoff, and the question only when the setting says so', async () => {
    const api = await start();
    receiver = await startReceiver();
    const hostile = 'Hurry <!channel> *urgent* <http://evil.example|click> please, I am angry';
    const plain = await integrations().create('cli', { kind: 'slack', name: '#support', url: receiver.url, events: ['conversation.handed_off'], includeQuestion: false, active: true });
    const withQuestion = await integrations().create('cli', { kind: 'teams', name: 'Support', url: receiver.url, events: ['conversation.handed_off'], includeQuestion: true, active: true });
    const { id } = await visitorAsksForAPerson(api, `${hostile}. Can I talk to a human?`);
    await integrations().dispatch();
    expect(receiver.received).toHaveLength(2);
    const slack = (await deliveriesOf(plain.id))[0]!.payload as { text: string; blocks: { type: string; text?: { type: string; text: string }; elements?: { url?: string }[] }[] };
    expect(JSON.stringify(slack)).not.toContain('Hurry');
    expect(slack.text).toBe('A visitor needs the Acme team: Asked for a person');
    expect(slack.blocks.at(-1)!.elements![0]!.url).toBe(`http://baton.test/inbox/conversations/${id}`);
    // No signature headers for a channel: its URL is its credential.
    expect(receiver.received[0]!.headers['baton-signature']).toBeUndefined();

    type Card = { attachments: { contentType: string; content: { body: { type: string; inlines: { type: string; text: string }[] }[]; actions: { url: string }[] } }[] };
    const [card] = ((await deliveriesOf(withQuestion.id))[0]!.payload as Card).attachments;
    expect(card!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    // Every text is a TextRun, which Teams shows as plain text: the question's markup stays inert.
    const runs = card!.content.body.flatMap((b) => (expect(b.type).toBe('RichTextBlock'), b.inlines));
    expect(runs.every((r) => r.type === 'TextRun')).toBe(true);
    expect(runs.map((r) => r.text)).toContain(`${hostile}. Can I talk to a human?`);
    expect(card!.content.actions[0]!.url).toBe(`http://baton.test/inbox/conversations/${id}`);
  });

  it('post once when a conversation waits past the reminder threshold, however often it is checked', async () => {
    const api = await start();
    receiver = await startReceiver();
    await integrations().create('cli', { kind: 'slack', name: '#support', url: receiver.url, events: ['conversation.waiting'], includeQuestion: false, active: true });
    const { id } = await visitorAsksForAPerson(api);
    const waiting = (await new ConversationsRepo(t.container.db).findById(id))!;
    ahead += 20 * 60_000;
    for (let check = 0; check < 3; check++) {
      await integrations().waiting([waiting]);
      await integrations().dispatch();
    }
    expect(receiver.received).toHaveLength(1);
    expect((receiver.received[0]!.json as { text: string }).text).toBe('A visitor has waited 20 min for the Acme team: Asked for a person');
  });
});
