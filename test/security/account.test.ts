import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, csrfFor, signIn, startTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let t: TestApp | undefined;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await t?.close();
  await smtp?.close();
  t = undefined;
});

/**
 * The sign-in email is where resets go: whoever sat at an unlocked browser could change it
 * without the password, unaudited, and take the account over with a reset.
 */
describe('changing the sign-in email', () => {
  it('takes the current password, is audited, and tells the old address', async () => {
    smtp = await startSmtp();
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } });
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const agent = t.agent();
    await signIn(agent, 'ada@example.com');
    const _csrf = await csrfFor(agent, '/account');
    const change = (extra: Record<string, string>) => agent.post('/account/profile').type('form').send({ name: 'Ada', email: 'mallory@evil.example', _csrf, ...extra });

    const without = await change({});
    expect(without.status).toBe(422);
    expect(without.text).toContain('Enter your current password to change your email.');
    const wrong = await change({ current: 'not the password' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('That is not your current password.');
    expect(await t.container.db('users').where({ email: 'ada@example.com' }).first()).toBeTruthy();

    expect((await change({ current: 'a long enough password' })).status).toBe(303);
    const told = await smtp.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'ada@example.com');
    expect(told.subject).toMatch(/sign-in email was changed/);
    expect(told.text).toContain('mallory@evil.example');
    const audit = await t.container.db('audit_events').where({ action: 'email.changed' }).first();
    expect(audit).toMatchObject({ target: 'mallory@evil.example' });
    // A name alone needs no password.
    expect((await agent.post('/account/profile').type('form').send({ name: 'Ada L', email: 'mallory@evil.example', _csrf })).status).toBe(303);
  });
});

describe('passwords', () => {
  it('refuses common and easily guessed ones, and replaces an old hash with Argon2id at the next sign-in', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    // A hash stored by an earlier version (scrypt at lower cost).
    const salt = randomBytes(16);
    const key = scryptSync('a long enough password', salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    await t.container.db('users').where({ email: 'ada@example.com' }).update({ password_hash: ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$') });
    const agent = t.agent();
    expect((await signIn(agent, 'ada@example.com')).status).toBe(303);
    const { password_hash: rehashed } = await t.container.db('users').where({ email: 'ada@example.com' }).first();
    expect(rehashed).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await signIn(t.agent(), 'ada@example.com')).status).toBe(303);

    const _csrf = await csrfFor(agent, '/account');
    for (const weak of ['password12', 'qwertyuiop123', '1234567890']) {
      const refused = await agent.post('/account/password').type('form').send({ current: 'a long enough password', next: weak, _csrf });
      expect(refused.status, weak).toBe(422);
      expect(refused.text).toContain('too easy to guess');
    }
  });
});
