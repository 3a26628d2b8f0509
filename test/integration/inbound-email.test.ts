import { createHmac } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { pino } from 'pino';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { visibleReply } from '../../src/adapters/mail/inbound.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { truncateAll, workerDatabaseUrl } from '../support/db.js';
import { freePort } from '../support/ports.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let running: RunningServer | undefined;
let outgoing: TestSmtp | undefined;
afterEach(async () => {
  if (running) {
    await truncateAll(running.container.db);
    await running.stop();
  }
  await outgoing?.close();
  running = undefined;
  outgoing = undefined;
});

/** The whole server, with the reply receiver on and outgoing mail to a test SMTP server. */
async function start(env: Record<string, string> = {}) {
  outgoing = await startSmtp();
  const config = loadConfig({
    ...env,
    NODE_ENV: 'test',
    DATABASE_URL: await workerDatabaseUrl(),
    SESSION_SECRET: 's'.repeat(40),
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_URL: 'http://baton.test',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(outgoing.port),
    INBOUND_SMTP_PORT: String(await freePort()),
    INBOUND_SMTP_HOST: '127.0.0.1',
    INBOUND_EMAIL_DOMAIN: 'replies.acme.test',
  });
  running = await startServer(config, pino({ level: 'silent' }));
  await truncateAll(running.container.db);
  await running.container.db('organisations').insert({ name: 'Acme', time_zone: 'UTC' });
  await running.container.services.availability.saveHours('system', { weekly: Array.from({ length: 7 }, () => '00:00-00:00'), closures: '' });
  return running;
}

const send = (port: number, mail: SendMailOptions) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }).sendMail({ from: 'Vic <vic@example.org>', subject: 'Re: We got your question (Acme)', ...mail });

describe('replies by email', () => {
  it('a visitor\'s reply to the email lands in the same conversation, once, without the quoted part; a forged address is refused', async () => {
    const server = await start();
    const api = supertest(server.url);
    const created = await api.post('/api/v1/visitors').send({}).expect(201);
    const auth = { Authorization: `Bearer ${created.body.token as string}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Where is my parcel?' }).expect(201);
    await api.post(`/api/v1/conversations/${id}/handoff`).set(auth).send({}).expect(200);
    // An address the site vouched for needs no confirmation.
    const hash = createHmac('sha256', server.container.identityKey).update('vic@example.org').digest('hex');
    await api.patch('/api/v1/visitors/me').set(auth).send({ email: 'vic@example.org', hash }).expect(200);
    await api.post('/api/v1/visitors/me/email').set(auth).send({ email: 'vic@example.org' }).expect(200);

    // The acknowledgement says where to reply.
    await server.container.services.followups.dispatch();
    const ack = await outgoing!.waitFor((m) => m.subject === 'We got your question (Acme)');
    const replyTo = ack.replyTo?.text ?? '';
    expect(replyTo).toMatch(/^reply\+[0-9a-f]{52}@replies\.acme\.test$/);
    expect(ack.text).toContain('You can also reply to this email.');

    const body = 'It is order 1042, thanks!\n\nOn Tue, 24 Nov 2026 at 10:00, Acme <support@acme.test> wrote:\n> Thanks for writing to Acme. We got your question:\n> Where is my parcel?';
    await send(server.inboundPort!, { to: replyTo, text: body, messageId: '<reply-1@example.org>' });
    // The same email delivered twice (a retrying mail server) is stored once.
    await send(server.inboundPort!, { to: replyTo, text: body, messageId: '<reply-1@example.org>' });
    const rows = await server.container.db('messages').where({ conversation_id: id, author: 'visitor' }).orderBy('created_at');
    expect(rows.map((m: { text: string }) => m.text)).toEqual(['Where is my parcel?', 'It is order 1042, thanks!']);
    expect(rows[1].meta).toMatchObject({ channel: 'email' });

    // A forged token, or another domain, is refused before any data is sent.
    const forged = replyTo.replace(/[0-9a-f](?=@)/, (d) => (d === '0' ? '1' : '0'));
    await expect(send(server.inboundPort!, { to: forged, text: 'let me in' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send(server.inboundPort!, { to: replyTo.replace('replies.acme.test', 'evil.test'), text: 'relay me' })).rejects.toMatchObject({ responseCode: 550 });
    expect(await server.container.db('messages').where({ author: 'visitor' }).count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('offers STARTTLS when given a certificate, and takes a reply over it', async () => {
    const server = await start({ INBOUND_SMTP_TLS_CERT_FILE: 'test/fixtures/tls/cert.pem', INBOUND_SMTP_TLS_KEY_FILE: 'test/fixtures/tls/key.pem' });
    const api = supertest(server.url);
    const created = await api.post('/api/v1/visitors').send({}).expect(201);
    const auth = { Authorization: `Bearer ${created.body.token as string}` };
    const { id } = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${id}/messages`).set(auth).send({ text: 'Where is my parcel?' }).expect(201);
    const to = `reply+${server.container.conversationLinks.replyToken(id)}@replies.acme.test`;
    // requireTLS: the client refuses to send unless the server upgraded the connection.
    const tls = nodemailer.createTransport({ host: '127.0.0.1', port: server.inboundPort!, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    await tls.sendMail({ from: 'vic@example.org', to, subject: 'Re: parcel', text: 'Order 1042, sent over TLS.' });
    expect((await server.container.db('messages').where({ conversation_id: id, author: 'visitor' }).orderBy('created_at')).map((m: { text: string }) => m.text)).toEqual(['Where is my parcel?', 'Order 1042, sent over TLS.']);
  });

  it('does not offer STARTTLS without a certificate (a client that requires it gives up)', async () => {
    const server = await start();
    const tls = nodemailer.createTransport({ host: '127.0.0.1', port: server.inboundPort!, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    await expect(tls.sendMail({ from: 'vic@example.org', to: 'reply+00@replies.acme.test', text: 'x' })).rejects.toThrow(/STARTTLS/i);
  });

  it('strips the quoted email in the languages visitors write in', () => {
    expect(visibleReply('Tak!\n\nDen tir. 24. nov. 2026 kl. 10.00 skrev Acme <support@acme.test>:\n> Undskyld')).toBe('Tak!');
    expect(visibleReply('Danke!\r\n\r\nAm Di., 24. Nov. 2026 um 10:00 Uhr schrieb Acme <support@acme.test>:\r\n> Entschuldigung')).toBe('Danke!');
    expect(visibleReply('Ok.\n\n-----Original Message-----\nFrom: Acme\n\nthe thread')).toBe('Ok.');
  });
});
