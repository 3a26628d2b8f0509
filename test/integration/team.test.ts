import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfFor, signedInAdmin, signIn, startTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let smtp: TestSmtp;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(async () => {
  await t?.close();
});

const withSmtp = () => startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Baton <support@acme.test>' } });

/** Opens an emailed link as a browser does: its token is traded for the session, then the page. */
async function openEmailed(agent: ReturnType<TestApp['agent']>, link: string) {
  const traded = await agent.get(link);
  expect(traded.status).toBe(303);
  return agent.get(traded.headers.location as string);
}

function linkIn(text: string | undefined, path: string): string {
  const m = new RegExp(`http://baton\\.test(${path}/[A-Za-z0-9_%-]+)`).exec(text ?? '');
  if (!m?.[1]) throw new Error(`no ${path} link in email:\n${text}`);
  return m[1];
}

async function adminAgent(t: TestApp) {
  const { user: admin, agent } = await signedInAdmin(t, '/team');
  return { admin, agent };
}

describe('inviting a teammate', () => {
  it('emails a signed, single-use link through SMTP; accepting it creates an agent and signs them in', async () => {
    t = await withSmtp();
    const { agent } = await adminAgent(t);
    const _csrf = await csrfFor(agent, '/team');
    const sent = await agent.post('/team/invites').type('form').send({ email: 'Bea@Example.com', role: 'agent', _csrf });
    expect(sent.status).toBe(303);
    const team = await agent.get('/team');
    expect(team.text).toContain('Invitation sent to bea@example.com.');
    // The expiry is shown in the organisation's time zone (Acme is in Europe/Copenhagen).
    const { expires_at } = await t.container.db('user_tokens').where({ email: 'bea@example.com' }).first();
    const local = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(expires_at);
    expect(team.text).toContain(`expires <time datetime="${(expires_at as Date).toISOString()}" title="Europe/Copenhagen">${local}</time>`);

    const mail = await smtp.waitFor((m) => m.subject === 'Ada invited you to Acme on Baton');
    expect(mail.from?.text).toContain('support@acme.test');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('bea@example.com');
    expect(mail.text).toContain('as an agent');
    expect(mail.html).toContain('Accept the invitation');
    const link = linkIn(mail.text, '/invite');

    const invitee = t.agent();
    // The link's token is traded for the session: the page itself is at a URL without it.
    const opened = await invitee.get(link);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/invite');
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    const page = await invitee.get('/invite');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(link.split('/').at(-1));
    expect(page.text).toContain('Join Acme');
    expect(page.text).toContain('bea@example.com');

    const inviteeToken = await csrfFor(invitee, '/invite');
    const weak = await invitee.post('/invite').type('form').send({ name: 'Bea', password: 'short', _csrf: inviteeToken });
    expect(weak.status).toBe(422);
    expect(weak.text).toContain('Use at least 10 characters.');

    const accepted = await invitee.post('/invite').type('form').send({ name: 'Bea', password: 'bea has a long password', _csrf: inviteeToken });
    expect(accepted.status).toBe(303);
    const home = await invitee.get('/');
    expect(home.text).toContain('Hello, Bea');
    expect(home.text).toContain('as an agent');
    expect(await t.container.db('users').where({ email: 'bea@example.com' }).first()).toMatchObject({ role: 'agent', active: true });

    // The link is single use.
    const reused = await openEmailed(t.agent(), link);
    expect(reused.status).toBe(410);
    expect(reused.text).toContain('expired or was already used');
  });

  it('refuses an expired invite link', async () => {
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), INVITE_TTL_HOURS: '1' } });
    const { agent } = await adminAgent(t);
    await agent.post('/team/invites').type('form').send({ email: 'old@example.com', role: 'agent', _csrf: await csrfFor(agent, '/team') });
    const link = linkIn((await smtp.waitFor((m) => m.to !== undefined && 'text' in m.to && m.to.text === 'old@example.com')).text, '/invite');
    await t.container.db('user_tokens').update({ expires_at: new Date(Date.now() - 1000) });
    const res = await openEmailed(t.agent(), link);
    expect(res.status).toBe(410);
    const team = await agent.get('/team');
    expect(team.text).toMatch(/old@example\.com[\s\S]*expired/);

    // Resending an expired invitation mails a fresh link; only the new one works.
    const { id } = await t.container.db('user_tokens').where({ email: 'old@example.com' }).first();
    const before = smtp.inbox.length;
    const resent = await agent.post(`/team/invites/${id}/resend`).set('HX-Request', 'true').set('X-CSRF-Token', await csrfFor(agent, '/team'));
    expect(resent.status).toBe(200);
    expect(resent.text).toContain('A new invitation was sent to old@example.com');
    const fresh = await smtp.waitFor((m) => smtp.inbox.indexOf(m) >= before && m.to !== undefined && 'text' in m.to && m.to.text === 'old@example.com');
    const newLink = linkIn(fresh.text, '/invite');
    expect(newLink).not.toBe(link);
    expect((await openEmailed(t.agent(), newLink)).status).toBe(200);
    expect((await openEmailed(t.agent(), link)).status).toBe(410);
  });

  it('writes the invitation to the log when SMTP is not configured, so the link still works', async () => {
    t = await startTestApp();
    const { agent } = await adminAgent(t);
    const res = await agent.post('/team/invites').set('HX-Request', 'true').set('X-CSRF-Token', await csrfFor(agent, '/team')).type('form').send({ email: 'cy@example.com', role: 'admin' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Invitation sent to cy@example.com.');
    expect(res.text).toContain('<hx-partial hx-target="#invites"');
    const line = t.logs.find((l) => l.to === 'cy@example.com');
    expect(line?.msg).toContain('SMTP is not configured');
    const link = linkIn(line?.text as string, '/invite');
    expect((await openEmailed(t.agent(), link)).status).toBe(200);
  });

  it('says plainly when the email could not be sent, and keeps the invite to resend', async () => {
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: '1' } });
    const { agent } = await adminAgent(t);
    const res = await agent.post('/team/invites').set('HX-Request', 'true').set('X-CSRF-Token', await csrfFor(agent, '/team')).type('form').send({ email: 'dee@example.com', role: 'agent' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('The invitation for dee@example.com is saved, but the email could not be sent');
    expect(await t.container.db('user_tokens').where({ email: 'dee@example.com' }).count('* as n').first()).toEqual({ n: 1 });
  });

  it('rejects inviting someone who is already on the team', async () => {
    t = await withSmtp();
    const { agent } = await adminAgent(t);
    const res = await agent.post('/team/invites').type('form').send({ email: 'ADA@example.com', role: 'agent', _csrf: await csrfFor(agent, '/team') });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Ada is already on the team.');
  });

  it('withdraws an invitation so its link stops working', async () => {
    t = await startTestApp();
    const { agent } = await adminAgent(t);
    const token = await csrfFor(agent, '/team');
    await agent.post('/team/invites').type('form').send({ email: 'eve@example.com', role: 'agent', _csrf: token });
    const link = linkIn(t.logs.find((l) => l.to === 'eve@example.com')?.text as string, '/invite');
    const { id } = await t.container.db('user_tokens').where({ email: 'eve@example.com' }).first();
    const res = await agent.post(`/team/invites/${id}/revoke`).set('HX-Request', 'true').set('X-CSRF-Token', token);
    expect(res.status).toBe(200);
    expect(res.text).toContain('No pending invitations.');
    expect((await openEmailed(t.agent(), link)).status).toBe(410);
  });
});

describe('roles', () => {
  it('keeps agents out of admin pages and actions', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const agentUser = await createUser(t, { email: 'bo@example.com', name: 'Bo', role: 'agent' });
    const agent = t.agent();
    await signIn(agent, 'bo@example.com');
    expect((await agent.get('/')).status).toBe(200);
    expect((await agent.get('/account')).status).toBe(200);
    const team = await agent.get('/team');
    expect(team.status).toBe(403);
    expect(team.text).toContain('Only admins can open this page.');
    expect((await agent.get('/settings/organisation')).status).toBe(403);
    const token = await csrfFor(agent, '/account');
    const invite = await agent.post('/team/invites').type('form').send({ email: 'x@example.com', role: 'admin', _csrf: token });
    expect(invite.status).toBe(403);
    const promote = await agent.post(`/team/users/${agentUser.id}/role`).type('form').send({ role: 'admin', _csrf: token });
    expect(promote.status).toBe(403);
    expect(await t.container.db('users').where({ id: agentUser.id }).first()).toMatchObject({ role: 'agent' });
    expect(await t.container.db('user_tokens').count('* as n').first()).toEqual({ n: 0 });
    // The admin navigation is not shown to agents.
    expect((await agent.get('/')).text).not.toContain('href="/team"');
  });

  it('lets an admin promote and demote, but never leaves the team without an active admin', async () => {
    t = await startTestApp();
    const { admin, agent } = await adminAgent(t);
    const bo = await createUser(t, { email: 'bo@example.com', name: 'Bo' });
    const token = await csrfFor(agent, '/team');
    const hx = (path: string, body: Record<string, string> = {}) => agent.post(path).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send(body);

    const selfDemote = await hx(`/team/users/${admin.id}/role`, { role: 'agent' });
    expect(selfDemote.status).toBe(403);
    expect(selfDemote.text).toContain('You are the only admin');

    const promoted = await hx(`/team/users/${bo.id}/role`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.text).toContain(`id="user-${bo.id}"`);
    expect(promoted.text).toContain('Bo is now an admin.');

    expect((await hx(`/team/users/${admin.id}/role`, { role: 'agent' })).status).toBe(200);
    expect(await t.container.db('users').where({ id: admin.id }).first()).toMatchObject({ role: 'agent' });
  });

  it('deactivating a user signs them out at once and stops them signing in', async () => {
    t = await startTestApp();
    const { admin, agent } = await adminAgent(t);
    const bo = await createUser(t, { email: 'bo@example.com', name: 'Bo' });
    const boAgent = t.agent();
    await signIn(boAgent, 'bo@example.com');
    expect((await boAgent.get('/')).status).toBe(200);

    const token = await csrfFor(agent, '/team');
    const self = await agent.post(`/team/users/${admin.id}/deactivate`).set('HX-Request', 'true').set('X-CSRF-Token', token);
    expect(self.status).toBe(403);

    const res = await agent.post(`/team/users/${bo.id}/deactivate`).set('HX-Request', 'true').set('X-CSRF-Token', token);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Deactivated');

    expect(await t.container.db('session').whereRaw("sess -> 'passport' ->> 'user' = ?", [bo.id]).count('* as n').first()).toEqual({ n: 0 });
    const after = await boAgent.get('/');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
    const again = await signIn(t.agent(), 'bo@example.com');
    expect(again.status).toBe(401);
    expect(again.text).toContain('This account has been deactivated.');

    await agent.post(`/team/users/${bo.id}/reactivate`).set('HX-Request', 'true').set('X-CSRF-Token', token);
    expect((await signIn(t.agent(), 'bo@example.com')).status).toBe(303);
  });
});

describe('password reset', () => {
  it('emails a reset link that sets a new password and unlocks a locked account', async () => {
    t = await withSmtp();
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    for (let i = 0; i < 10; i++) await signIn(t.agent(), 'ada@example.com', `wrong password ${i}`);
    expect((await signIn(t.agent(), 'ada@example.com')).status).toBe(401);

    const stolen = t.agent();
    await t.container.db('users').update({ locked_until: null });
    await signIn(stolen, 'ada@example.com');
    await t.container.db('users').update({ locked_until: new Date(Date.now() + 60_000) });
    const agent = t.agent();
    const token = await csrfFor(agent, '/password/forgot');
    const asked = await agent.post('/password/forgot').type('form').send({ email: 'ada@example.com', _csrf: token });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('a reset link is on its way');
    const mail = await smtp.waitFor((m) => m.subject === 'Reset your Acme password');
    const link = linkIn(mail.text, '/password/reset');

    const page = await openEmailed(agent, link);
    expect(page.text).toContain('Choose a new password');
    const resetToken = await csrfFor(agent, '/password/reset');
    const done = await agent.post('/password/reset').type('form').send({ password: 'a brand new password', _csrf: resetToken });
    expect(done.status).toBe(303);
    expect((await agent.get('/')).text).toContain('Your password has been changed.');
    // A session opened before the reset (perhaps by whoever prompted it) is gone.
    expect((await stolen.get('/')).status).toBe(303);

    expect((await signIn(t.agent(), 'ada@example.com', 'a brand new password')).status).toBe(303);
    expect((await signIn(t.agent(), 'ada@example.com')).status).toBe(401);
    expect((await openEmailed(t.agent(), link)).status).toBe(410);
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    t = await withSmtp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const before = smtp.inbox.length;
    const agent = t.agent();
    const token = await csrfFor(agent, '/password/forgot');
    const res = await agent.post('/password/forgot').type('form').send({ email: 'nobody@example.com', _csrf: token });
    expect(res.status).toBe(200);
    expect(res.text).toContain('a reset link is on its way');
    expect(await t.container.db('user_tokens').count('* as n').first()).toEqual({ n: 0 });
    expect(smtp.inbox.length).toBe(before);
  });
});

describe('profile', () => {
  it('updates name and email, and changes the password only with the current one', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    await createUser(t, { email: 'taken@example.com' });
    const agent = t.agent();
    await signIn(agent, 'ada@example.com');
    let token = await csrfFor(agent, '/account');

    const clash = await agent.post('/account/profile').type('form').send({ name: 'Ada L', email: 'taken@example.com', current: 'a long enough password', _csrf: token });
    expect(clash.status).toBe(422);
    expect(clash.text).toContain('Another account already uses this email.');

    expect((await agent.post('/account/profile').type('form').send({ name: 'Ada Lovelace', email: 'ada@example.com', _csrf: token })).status).toBe(303);
    expect((await agent.get('/account')).text).toContain('value="Ada Lovelace"');

    token = await csrfFor(agent, '/account');
    const wrong = await agent.post('/account/password').type('form').send({ current: 'not it at all', next: 'another long password', _csrf: token });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('That is not your current password.');
    const elsewhere = t.agent();
    await signIn(elsewhere, 'ada@example.com');
    expect((await elsewhere.get('/')).status).toBe(200);
    expect((await agent.post('/account/password').type('form').send({ current: 'a long enough password', next: 'another long password', _csrf: token })).status).toBe(303);
    // The browser that changed it stays signed in; every other session is ended.
    expect((await agent.get('/account')).text).toContain('your other sessions were signed out');
    expect((await elsewhere.get('/')).status).toBe(303);
    expect((await signIn(t.agent(), 'ada@example.com', 'another long password')).status).toBe(303);
  });
});
