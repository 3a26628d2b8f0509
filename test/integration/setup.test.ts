import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csrfFor, csrfFrom, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const valid = { organisationName: 'Acme & Co', timeZone: 'Europe/Copenhagen', name: 'Ada Admin', email: 'Ada@Example.com', password: 'correct horse battery', hours: 'always' };

describe('first-run setup wizard', () => {
  it('sends every page to /setup while no admin exists', async () => {
    for (const p of ['/', '/login', '/team', '/account', '/no-such-page']) {
      const res = await t.agent().get(p);
      expect(res.status, p).toBe(303);
      expect(res.headers.location).toBe('/setup');
    }
    const hx = await t.agent().get('/team').set('HX-Request', 'true');
    expect(hx.headers['hx-redirect']).toBe('/setup');
  });

  it('keeps health checks and assets reachable before setup', async () => {
    expect((await t.agent().get('/healthz')).status).toBe(200);
    const ready = await t.agent().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toEqual({ ok: true });
    expect((await t.agent().get('/assets/css/baton.css')).status).toBe(200);
    expect((await t.agent().get('/vendor/htmx/htmx.min.js')).status).toBe(200);
  });

  it('shows the wizard with organisation and admin fields', async () => {
    const res = await t.agent().get('/setup');
    expect(res.status).toBe(200);
    for (const field of ['organisationName', 'timeZone', 'name', 'email', 'password', 'hours']) expect(res.text).toContain(`name="${field}"`);
    expect(res.text).toContain('<option value="Europe/Copenhagen"');
  });

  it('re-renders the form with field errors, keeping what was typed except the password', async () => {
    const agent = t.agent();
    const _csrf = await csrfFor(agent, '/setup');
    const res = await agent.post('/setup').type('form').send({ ...valid, email: 'not-an-email', password: 'short', timeZone: 'Mars/Olympus', _csrf });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Enter a valid email address.');
    expect(res.text).toContain('value="Acme &amp; Co"');
    expect(res.text).not.toContain('short');
    expect(await t.container.db('users').count('* as n').first()).toEqual({ n: 0 });
  });

  it('creates the organisation and admin, signs the admin in, and closes the wizard', async () => {
    const agent = t.agent();
    const _csrf = await csrfFor(agent, '/setup');
    const res = await agent.post('/setup').type('form').send({ ...valid, _csrf });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');

    const home = await agent.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Hello, Ada Admin');
    expect(home.text).toContain('Acme &amp; Co');

    const admin = await t.container.db('users').first();
    expect(admin).toMatchObject({ email: 'ada@example.com', role: 'admin', active: true });
    expect(admin.password_hash).toMatch(/^argon2id\$/);
    expect(await t.container.db('organisations').first()).toMatchObject({ name: 'Acme & Co', time_zone: 'Europe/Copenhagen' });
    // The hours chosen, not defaults nobody picked: always open.
    expect((await t.container.services.availability.settings()).weekly.every((day) => day.length === 1 && day[0]!.start === '00:00')).toBe(true);

    const again = await t.agent().get('/setup');
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/login');
  });

  it('creates exactly one first admin when two wizards are submitted at once', async () => {
    const a = t.agent();
    const b = t.agent();
    const [ta, tb] = [csrfFrom((await a.get('/setup')).text), csrfFrom((await b.get('/setup')).text)];
    const results = await Promise.all([
      a.post('/setup').type('form').send({ ...valid, _csrf: ta }),
      b.post('/setup').type('form').send({ ...valid, email: 'bob@example.com', name: 'Bob', _csrf: tb }),
    ]);
    // One wins; the other is told Baton is already set up rather than creating a second admin:
    // a 409 when the two really overlap, or, when the machine is busy enough that the second
    // arrives after the first has finished, the redirect to sign in that any later visit gets.
    const winners = results.filter((r) => r.status === 303 && r.headers.location !== '/login');
    const losers = results.filter((r) => !winners.includes(r));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0]!;
    if (loser.status === 409) expect(loser.text).toContain('Baton is already set up. Sign in instead.');
    else expect(loser).toMatchObject({ status: 303, headers: expect.objectContaining({ location: '/login' }) });
    const users = await t.container.db('users').select('email');
    expect(users).toHaveLength(1);
  });

  it('creates the admin headless from BATON_ADMIN_* and never overwrites it on later starts', async () => {
    const { team } = t.container.services;
    const created = await team.createAdmin({ email: 'ops@example.com', password: 'first password!', name: 'Ops' }, { name: 'Acme', timeZone: 'UTC' });
    expect(created?.role).toBe('admin');
    expect(await team.isSetupComplete()).toBe(true);
    const again = await team.createAdmin({ email: 'OPS@example.com', password: 'other password!', name: 'Ops' }, { name: 'Acme', timeZone: 'UTC' });
    expect(again).toBeUndefined();
    await expect(t.container.services.auth.authenticate('ops@example.com', 'first password!')).resolves.toMatchObject({ email: 'ops@example.com' });
    const res = await t.agent().get('/');
    expect(res.headers.location).toMatch(/^\/login/);
  });
});

/**
 * Without BASE_URL the snippet named http://localhost:3000 whatever address the admin used, and
 * the default hours closed the chat at night without anyone choosing them.
 */
describe('the wizard without BASE_URL', () => {
  it('asks for the public address (filled in from the browser\'s) and the hours; the snippet and links use that address', async () => {
    await t.close();
    t = await startTestApp({ env: { BASE_URL: '' } });
    const agent = t.agent();
    const page = await agent.get('/setup').set('Host', 'support.acme.test');
    expect(page.text).toContain('value="http://support.acme.test"');
    const _csrf = csrfFrom(page.text);
    const { hours: _h, ...noHours } = valid;
    const refused = await agent.post('/setup').set('Host', 'support.acme.test').type('form').send({ ...noHours, publicUrl: 'support.acme.test', _csrf });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Choose when the chat is open');
    const bad = await agent.post('/setup').set('Host', 'support.acme.test').type('form').send({ ...valid, publicUrl: 'ftp://nope', _csrf });
    expect(bad.text).toContain('Enter the address people open Baton at');

    await agent.post('/setup').set('Host', 'support.acme.test').type('form').send({ ...valid, hours: 'weekdays', publicUrl: 'support.acme.test/anything', _csrf }).expect(303);
    expect((await t.container.db('organisations').first()).public_url).toBe('https://support.acme.test');
    expect(t.container.publicAddress.get()).toBe('https://support.acme.test');
    const weekly = (await t.container.services.availability.settings()).weekly;
    expect(weekly.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);

    const widget = await agent.get('/settings/widget').set('Host', 'support.acme.test');
    expect(widget.text).toContain('&lt;script src=&quot;https://support.acme.test/widget.js&quot; async&gt;&lt;/script&gt;');
    expect(widget.text).not.toContain('you opened Baton at');
    // Opened at another address: the admin is told the snippet names a different one.
    const elsewhere = await agent.get('/settings/widget').set('Host', 'localhost:3000');
    expect(elsewhere.text).toContain('you opened Baton at <strong>localhost:3000</strong>');

    // Changed in Settings › Organisation: links use the new address at once.
    const token = csrfFrom((await agent.get('/settings/organisation').set('Host', 'support.acme.test')).text);
    await agent.post('/settings/organisation').set('Host', 'support.acme.test').type('form').send({ name: 'Acme', timeZone: 'UTC', publicUrl: 'https://help.acme.test', _csrf: token }).expect(303);
    expect(t.container.publicAddress.get()).toBe('https://help.acme.test');
    expect((await agent.get('/settings').set('Host', 'support.acme.test')).headers.location).toBe('/settings/organisation');
  });
});
