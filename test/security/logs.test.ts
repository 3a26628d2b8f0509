import { afterEach, describe, expect, it } from 'vitest';
import { csrfFor, signIn, signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { useFakeMistral } from '../support/mistral.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const fake = useFakeMistral();
let t: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await t?.close();
  await smtp?.close();
});

const linkToken = (text: string, path: string) => new RegExp(`${path}/([^\\s"<>]+)`).exec(text)?.[1];

describe('the log', () => {
  it('holds no password, key, cookie, visitor token or emailed link token, through sign-ins, invites, resets, visitor traffic and failures', async () => {
    smtp = await startSmtp();
    const apiKey = 'sk-test-0123456789-very-secret';
    const sessionSecret = 'test-secret-test-secret-test-secret-1234';
    t = await startTestApp({ env: { MISTRAL_API_KEY: apiKey, MISTRAL_SERVER_URL: fake.url, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), LOG_LEVEL: 'debug' } });
    const { agent: admin, token } = await signedInAdmin(t, '/team');
    const wrongPassword = 'my wrong but secret password';
    await signIn(t.agent(), 'ada@example.com', wrongPassword);

    // An invite and a password reset, each with its link opened.
    await admin.post('/team/invites').type('form').send({ email: 'ben@example.com', role: 'agent', _csrf: token });
    const invite = linkToken((await smtp.waitFor((m) => (m.text ?? '').includes('/invite/'))).text ?? '', '/invite');
    expect(invite).toBeDefined();
    await t.agent().get(`/invite/${invite}`);
    const resetter = t.agent();
    const resetCsrf = await csrfFor(resetter, '/password/forgot');
    await resetter.post('/password/forgot').type('form').send({ email: 'ada@example.com', _csrf: resetCsrf });
    const reset = linkToken((await smtp.waitFor((m) => (m.text ?? '').includes('/password/reset/'))).text ?? '', '/password/reset');
    expect(reset).toBeDefined();
    await t.agent().get(`/password/reset/${reset}`);

    // A visitor, with a failing LLM, and the conversation link from an email.
    fake.failNext(3, 500);
    const api = t.agent();
    const { token: visitorToken } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const bearer = { Authorization: `Bearer ${visitorToken}` };
    const conv = (await api.post('/api/v1/conversations').set(bearer).send({}).expect(201)).body as { id: string };
    await api.post(`/api/v1/conversations/${conv.id}/messages`).set(bearer).send({ text: 'Where is my order?' }).expect(201);
    const link = t.container.conversationLinks.sign(conv.id, new Date(Date.now() + 86_400_000));
    await t.agent().get(`/c/${link}`);
    await t.agent().get(`/c/${link.slice(0, -2)}xx`);
    // And an address confirmation's link, opened and confirmed.
    const confirmation = t.container.conversationLinks.signConfirmation((await t.container.db('visitors').first()).id, 'vic@example.org', new Date(Date.now() + 86_400_000));
    const confirmer = t.agent();
    await confirmer.get(`/email/confirm/${confirmation}`);
    await confirmer.post('/email/confirm');
    await t.container.services.conversations.settled();

    const cookie = String(((await t.agent().get('/login')).headers['set-cookie'] as unknown as string[])[0]).split(';')[0]!.split('=')[1]!;
    const log = JSON.stringify(t.logs);
    // The log did record this traffic: the checks below are about a log that exists.
    expect(log).toContain('/c/[redacted]');
    expect(log).toContain('/invite/[redacted]');
    expect(log).toContain('/email/confirm/[redacted]');
    expect(log).toContain('Mistral did not answer');
    const secrets = { apiKey, sessionSecret, password: 'a long enough password', wrongPassword, visitorToken, invite: invite!, reset: reset!, link, confirmation, cookie: decodeURIComponent(cookie) };
    for (const [name, secret] of Object.entries(secrets)) expect(log.includes(secret), `${name} is in the log`).toBe(false);
    expect(log).not.toMatch(/baton\.sid=s%3A/);
  });
});
