import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/services/audit/authority.js';
import { AuthenticationError, ConflictError, ForbiddenError, InvalidTokenError, ValidationError } from '../../src/services/errors.js';
import { AuthService } from '../../src/services/team/auth-service.js';
import { hashPassword } from '../../src/services/team/passwords.js';
import { TeamService } from '../../src/services/team/team-service.js';
import type { Role, User } from '../../src/services/team/types.js';
import type { NewAuditEvent } from '../../src/services/audit/types.js';
import { FakeClock, FakeMailer, MemoryStore } from '../fakes/memory-store.js';

/** Both team services on one in-memory store, with any dependency overridden. */
function makeServices(overrides: { maxFailedLogins?: number; lockoutMinutes?: number } = {}) {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const mailer = new FakeMailer();
  const audited: NewAuditEvent[] = [];
  const audit = { record: async (e: NewAuditEvent) => void audited.push(e) };
  const auth = new AuthService({
    store,
    clock,
    mailer,
    policy: { maxFailedLogins: overrides.maxFailedLogins ?? 3, lockoutMinutes: overrides.lockoutMinutes ?? 15, passwordResetTtlMinutes: 60 },
    links: { passwordReset: (t) => `https://x.test/reset/${t}` },
    audit,
  });
  const team = new TeamService({ store, clock, mailer, inviteTtlHours: 72, links: { invite: (t) => `https://x.test/invite/${t}` }, audit, authority: new Authority({ audit }) });
  const addUser = async (email: string, role: Role = 'agent', password = 'a long enough password'): Promise<User> => {
    store.org ??= { id: 'org', name: 'Acme', timeZone: 'UTC' };
    return store.users.insert({ email, name: email.split('@')[0]!, role, passwordHash: await hashPassword(password) });
  };
  const tokenFrom = (link: unknown) => String(link).split('/').pop()!;
  return { store, clock, mailer, auth, team, addUser, tokenFrom, audited };
}

const rejection = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('AuthService', () => {
  it('locks after the configured failures, refuses even the right password while locked, and starts counting afresh after', async () => {
    const { auth, clock, addUser, audited } = makeServices({ maxFailedLogins: 3, lockoutMinutes: 10 });
    await addUser('ann@example.com');
    for (let i = 0; i < 2; i++) expect(await rejection(auth.authenticate('ann@example.com', 'nope nope nope'))).toMatchObject({ code: 'invalid_credentials' });
    const locked = await rejection(auth.authenticate('ann@example.com', 'nope nope nope'));
    expect(locked).toBeInstanceOf(AuthenticationError);
    // Told apart in the code (for the audit log), not in the words the person reads.
    expect(locked).toMatchObject({ code: 'account_locked', message: expect.stringContaining('That email and password do not match an account. After 3 failed attempts an account is locked for 10 minutes') });
    expect(await rejection(auth.authenticate('ann@example.com', 'a long enough password'))).toMatchObject({ code: 'account_locked' });

    clock.advance(9 * 60_000);
    expect(await rejection(auth.authenticate('ann@example.com', 'a long enough password'))).toMatchObject({ code: 'account_locked', lockedUntil: new Date(clock.now().getTime() + 60_000) });
    clock.advance(60_001);
    // After the lockout one wrong password is just wrong again, not an instant re-lock.
    expect(await rejection(auth.authenticate('ann@example.com', 'nope nope nope'))).toMatchObject({ code: 'invalid_credentials' });
    await expect(auth.authenticate('ann@example.com', 'a long enough password', { ip: '203.0.113.9' })).resolves.toMatchObject({ email: 'ann@example.com', failedLogins: 0 });
    // Every attempt is in the audit log, the lockout among them.
    expect(audited.map((e) => e.action)).toEqual(['login.failed', 'login.failed', 'login.locked', 'login.failed', 'login.failed', 'login.failed', 'login.succeeded']);
    expect(audited.at(-1)).toMatchObject({ ip: '203.0.113.9', actor: { email: 'ann@example.com' } });
  });

  it('says an account is deactivated only to someone who knows its password', async () => {
    const { auth, store, addUser } = makeServices();
    const u = await addUser('ann@example.com');
    await store.users.update(u.id, { active: false });
    expect(await rejection(auth.authenticate('ann@example.com', 'wrong password'))).toMatchObject({ code: 'invalid_credentials' });
    expect(await rejection(auth.authenticate('ann@example.com', 'a long enough password'))).toMatchObject({ code: 'account_deactivated' });
    expect(await auth.userForSession(u.id)).toBeUndefined();
  });

  it('normalises the email and records the sign-in time', async () => {
    const { auth, clock, addUser } = makeServices();
    await addUser('ann@example.com');
    const user = await auth.authenticate('  ANN@Example.COM ', 'a long enough password');
    expect(user.lastLoginAt).toEqual(clock.now());
  });

  it('sends one working reset link at a time; a used, expired or superseded link is refused', async () => {
    const { auth, mailer, clock, addUser, tokenFrom, store } = makeServices();
    const u = await addUser('ann@example.com');
    store.sessionsByUser.set(u.id, new Set(['s1', 's2']));
    await auth.requestPasswordReset('ann@example.com');
    await auth.settled();
    await auth.requestPasswordReset('ann@example.com');
    await auth.settled();
    expect(mailer.sent).toHaveLength(2);
    const [first, second] = mailer.sent.map((m) => tokenFrom(m.data.link));
    expect(await rejection(auth.checkPasswordResetToken(first!))).toBeInstanceOf(InvalidTokenError);
    expect(await rejection(auth.resetPassword(second!, 'short'))).toBeInstanceOf(ValidationError);
    await auth.resetPassword(second!, 'a brand new password');
    expect(store.sessionsByUser.get(u.id)?.size).toBe(0);
    expect(await rejection(auth.resetPassword(second!, 'another new password'))).toBeInstanceOf(InvalidTokenError);

    await auth.requestPasswordReset('ann@example.com');
    await auth.settled();
    clock.advance(61 * 60_000);
    expect(await rejection(auth.checkPasswordResetToken(tokenFrom(mailer.sent[2]!.data.link)))).toBeInstanceOf(InvalidTokenError);
  });

  it('sends nothing for unknown or deactivated accounts, and survives a mail failure', async () => {
    const { auth, mailer, store, addUser } = makeServices();
    await auth.requestPasswordReset('nobody@example.com');
    const u = await addUser('off@example.com');
    await store.users.update(u.id, { active: false });
    await auth.requestPasswordReset('off@example.com');
    expect(mailer.sent).toHaveLength(0);
    await addUser('ann@example.com');
    mailer.failWith = new Error('smtp down');
    await expect(auth.requestPasswordReset('ann@example.com')).resolves.toBeUndefined();
  });
});

describe('TeamService', () => {
  it('completes setup once, under the setup lock, and validates the time zone and password', async () => {
    const { team, store } = makeServices();
    const input = { organisationName: 'Acme', timeZone: 'Europe/Paris', name: 'Ada', email: 'Ada@Example.com', password: 'a long enough password' };
    expect(await rejection(team.completeSetup({ ...input, timeZone: 'Nowhere/Here', password: 'short' }))).toMatchObject({ fields: { timeZone: expect.any(String), password: 'Use at least 10 characters.' } });
    expect(await team.isSetupComplete()).toBe(false);
    const admin = await team.completeSetup(input);
    expect(admin).toMatchObject({ email: 'ada@example.com', role: 'admin' });
    expect(store.locks).toContain('setup');
    expect(store.org).toMatchObject({ name: 'Acme', timeZone: 'Europe/Paris' });
    expect(await rejection(team.completeSetup(input))).toBeInstanceOf(ConflictError);
  });

  it('replaces an earlier invite to the same address, and reports a failed send without losing the invite', async () => {
    const { team, mailer, addUser, tokenFrom, store } = makeServices();
    const admin = await addUser('ada@example.com', 'admin');
    await team.invite(admin, { email: 'Bea@example.com', role: 'agent' });
    mailer.failWith = new Error('connection refused');
    const second = await team.invite(admin, { email: 'bea@example.com', role: 'admin' });
    expect(second.delivery).toEqual({ sent: false, reason: 'connection refused' });
    expect((await store.tokens.pendingInvites()).map((i) => [i.email, i.role])).toEqual([['bea@example.com', 'admin']]);
    expect(await rejection(team.checkInvite(tokenFrom(mailer.sent[0]!.data.link)))).toBeInstanceOf(InvalidTokenError);
  });

  it('accepts an invite once, with the invited role', async () => {
    const { team, mailer, addUser, tokenFrom } = makeServices();
    const admin = await addUser('ada@example.com', 'admin');
    await team.invite(admin, { email: 'bea@example.com', role: 'admin' });
    const token = tokenFrom(mailer.sent[0]!.data.link);
    await expect(team.checkInvite(token)).resolves.toEqual({ email: 'bea@example.com', role: 'admin', organisationName: 'Acme' });
    const bea = await team.acceptInvite(token, { name: ' Bea ', password: 'bea has a long password' });
    expect(bea).toMatchObject({ name: 'Bea', role: 'admin' });
    expect(await rejection(team.acceptInvite(token, { name: 'Bea', password: 'bea has a long password' }))).toBeInstanceOf(InvalidTokenError);
  });

  it('lets only admins manage the team', async () => {
    const { team, addUser } = makeServices();
    const agent = await addUser('bo@example.com', 'agent');
    for (const attempt of [team.listTeam(agent), team.invite(agent, { email: 'x@example.com', role: 'agent' }), team.changeRole(agent, agent.id, 'admin'), team.setActive(agent, agent.id, false)]) {
      expect(await rejection(attempt)).toBeInstanceOf(ForbiddenError);
    }
  });

  it('keeps at least one active admin, and deactivation ends the person\'s sessions', async () => {
    const { team, addUser, store } = makeServices();
    const ada = await addUser('ada@example.com', 'admin');
    const bo = await addUser('bo@example.com', 'admin');
    await team.setActive(ada, bo.id, false);
    expect(await rejection(team.changeRole(ada, ada.id, 'agent'))).toMatchObject({ message: expect.stringContaining('only admin') });
    await team.setActive(ada, bo.id, true);
    await team.changeRole(ada, ada.id, 'agent');
    const boNow = (await store.users.findById(bo.id))!;
    expect(await rejection(team.setActive(boNow, boNow.id, false))).toBeInstanceOf(ForbiddenError);
    store.sessionsByUser.set(ada.id, new Set(['a1']));
    await team.setActive(boNow, ada.id, false);
    expect(store.sessionsByUser.get(ada.id)?.size).toBe(0);
  });

  it('changes a password only with the current one, keeping the asking session', async () => {
    const { team, auth, addUser, store } = makeServices();
    const ada = await addUser('ada@example.com', 'admin');
    store.sessionsByUser.set(ada.id, new Set(['here', 'elsewhere']));
    expect(await rejection(team.changePassword(ada, { current: 'wrong one!!', next: 'a newer password' }, 'here'))).toMatchObject({ fields: { current: expect.any(String) } });
    await team.changePassword(ada, { current: 'a long enough password', next: 'a newer password' }, 'here');
    expect([...store.sessionsByUser.get(ada.id)!]).toEqual(['here']);
    await expect(auth.authenticate('ada@example.com', 'a newer password')).resolves.toMatchObject({ id: ada.id });
  });
});
