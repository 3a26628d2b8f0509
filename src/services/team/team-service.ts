import { isTimeZone } from '../../lib/time-zones.js';
import { publicOrigin } from '../../lib/public-address.js';

const PUBLIC_URL_HINT = 'Enter the address people open Baton at, such as https://support.example.com.';
import { hashToken, newToken } from '../../lib/tokens.js';
import { ConflictError, ForbiddenError, InvalidTokenError, NotFoundError, ValidationError } from '../errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import { changes, type Authority } from '../audit/authority.js';
import type { Clock, Mailer, Store, TransactionRepos } from '../ports.js';
import { normaliseEmail } from './auth-service.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import type { Organisation, PendingInvite, Role, Team, User } from './types.js';

export interface TeamServiceDeps {
  store: Store;
  mailer: Mailer;
  clock: Clock;
  inviteTtlHours: number;
  links: { invite(token: string): string; forgotPassword?(): string };
  /** Invitations, role changes, deactivations and password changes go into the audit log. */
  audit: Pick<AuditLog, 'record'>;
  /** Checks and records what admins do to the team and the organisation. */
  authority: Pick<Authority, 'perform'>;
  /** Told when a user's sessions were ended, so live streams opened with them close too. */
  sessionsEnded?: (ended: { userId: string; except?: string }) => Promise<void>;
  /** Where links point: told at once when the admin gives a new public address. */
  publicAddress?: { set(url: string | null): void };
}

export interface SetupInput {
  organisationName: string;
  timeZone: string;
  /** Where people reach Baton, as typed ("support.example.com" is fine); optional. */
  publicUrl?: string;
  name: string;
  email: string;
  password: string;
}

export type Delivery = { sent: true } | { sent: false; reason: string };

/**
 * The team: first-run setup, admins created headless or from the CLI, invitations, roles,
 * deactivation and each person's own profile.
 */
export class TeamService {
  // Setup can only go from "needed" to "done" (admins are deactivated, never deleted, and the
  // last active admin cannot be), so once seen done it is safe to remember in each replica.
  #setupDone = false;

  constructor(private readonly deps: TeamServiceDeps) {}

  async isSetupComplete(): Promise<boolean> {
    if (!this.#setupDone) this.#setupDone = await this.deps.store.users.anyAdminExists();
    return this.#setupDone;
  }

  async organisation(): Promise<Organisation | undefined> {
    return this.deps.store.organisations.get();
  }

  /** Creates the organisation and its first admin. Fails if another admin got there first. */
  async completeSetup(input: SetupInput): Promise<User> {
    const fields: Record<string, string> = {};
    if (!isTimeZone(input.timeZone)) fields.timeZone = 'Choose a time zone from the list.';
    const publicUrl = input.publicUrl?.trim() ? publicOrigin(input.publicUrl) : null;
    if (publicUrl === undefined) fields.publicUrl = PUBLIC_URL_HINT;
    const problem = passwordProblem(input.password, input.email);
    if (problem) fields.password = problem;
    if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);

    const passwordHash = await hashPassword(input.password);
    const user = await this.deps.store.transaction(async (tx) => {
      // Two browsers submitting the wizard at once must not create two first admins.
      await tx.lock('setup');
      if (await tx.users.anyAdminExists()) throw new ConflictError('Baton is already set up. Sign in instead.');
      await this.#saveOrganisation(tx, { name: input.organisationName.trim(), timeZone: input.timeZone, publicUrl: publicUrl ?? null });
      return tx.users.insert({ email: normaliseEmail(input.email), name: input.name.trim(), role: 'admin', passwordHash });
    });
    this.#setupDone = true;
    if (publicUrl) this.deps.publicAddress?.set(publicUrl);
    return user;
  }

  /**
   * Creates an admin without the browser (BATON_ADMIN_* at start, or `baton admin create`).
   * Returns undefined when that email already has an account: start-up runs this every time,
   * and re-running it must not overwrite a password the admin has since changed.
   */
  async createAdmin(input: { email: string; password: string; name: string }, organisationDefaults: Omit<Organisation, 'id'>): Promise<User | undefined> {
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw new ValidationError(`The admin password is not acceptable: ${problem}`, { password: problem });
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const user = await this.deps.store.transaction(async (tx) => {
      await tx.lock('setup');
      if (await tx.users.findByEmail(email)) return undefined;
      if (!(await tx.organisations.get())) await this.#saveOrganisation(tx, organisationDefaults);
      return tx.users.insert({ email, name: input.name.trim() || 'Admin', role: 'admin', passwordHash });
    });
    if (user) this.#setupDone = true;
    return user;
  }

  async updateOrganisation(actor: User, patch: { name: string; timeZone: string; publicUrl?: string }): Promise<Organisation> {
    const before = await this.deps.store.organisations.get();
    const update = async () => {
      const fields: Record<string, string> = {};
      if (!isTimeZone(patch.timeZone)) fields.timeZone = 'Choose a time zone from the list.';
      const publicUrl = patch.publicUrl === undefined ? undefined : patch.publicUrl.trim() ? publicOrigin(patch.publicUrl) : null;
      if (patch.publicUrl !== undefined && publicUrl === undefined) fields.publicUrl = PUBLIC_URL_HINT;
      if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);
      const org = await this.deps.store.organisations.update({ name: patch.name.trim(), timeZone: patch.timeZone, ...(publicUrl !== undefined ? { publicUrl } : {}) });
      if (!org) throw new NotFoundError('The organisation has not been set up yet.');
      if (publicUrl !== undefined) this.deps.publicAddress?.set(publicUrl);
      return org;
    };
    const shown = (o: Organisation | undefined) => ({ name: o?.name, timeZone: o?.timeZone, publicUrl: o?.publicUrl ?? null });
    return this.deps.authority.perform(actor, 'settings.changed', update, (org) => ({ target: 'Organisation', details: changes(shown(before), shown(org)) }));
  }

  /** Someone tried a question in Knowledge: a tick on the getting-started checklist, kept once. */
  async noteTriedQuestion(): Promise<void> {
    const org = await this.deps.store.organisations.get();
    if (org && !org.triedQuestionAt) await this.deps.store.organisations.update({ triedQuestionAt: this.deps.clock.now() });
  }

  async listTeam(actor: User): Promise<Team> {
    this.#requireAdmin(actor);
    const [users, invites] = await Promise.all([this.deps.store.users.list(), this.deps.store.tokens.pendingInvites()]);
    return { users, invites };
  }

  /** Invites someone by email. A second invite to the same address replaces the first. */
  async invite(actor: User, input: { email: string; role: Role }): Promise<{ invite: PendingInvite; delivery: Delivery }> {
    const { invite, token } = await this.deps.authority.perform(actor, 'team.invited', () => this.#storeInvite(actor, input), ({ invite }) => ({ target: invite.email, details: { role: invite.role } }));
    return { invite, delivery: await this.#sendInvite(actor, invite, token) };
  }

  async #storeInvite(actor: User, input: { email: string; role: Role }): Promise<{ invite: PendingInvite; token: string }> {
    const { store, clock, inviteTtlHours } = this.deps;
    const email = normaliseEmail(input.email);
    const existing = await store.users.findByEmail(email);
    if (existing) {
      throw new ValidationError('That person already has an account.', {
        email: existing.active ? `${existing.name} is already on the team.` : `${existing.name} has a deactivated account; reactivate it instead.`,
      });
    }
    const now = clock.now();
    const token = newToken();
    const stored = await store.transaction(async (tx) => {
      await tx.tokens.revokeFor('invite', email, now);
      return tx.tokens.insert({
        purpose: 'invite',
        tokenHash: hashToken(token),
        email,
        role: input.role,
        invitedById: actor.id,
        expiresAt: new Date(now.getTime() + inviteTtlHours * 3_600_000),
      });
    });
    const invite: PendingInvite = { id: stored.id, email, role: input.role, invitedByName: actor.name, expiresAt: stored.expiresAt, createdAt: stored.createdAt };
    return { invite, token };
  }

  /** Sends a fresh link for a pending invite (the old link stops working). */
  async resendInvite(actor: User, inviteId: string): Promise<{ invite: PendingInvite; delivery: Delivery }> {
    this.#requireAdmin(actor);
    const previous = await this.deps.store.tokens.findById(inviteId);
    // An expired invite may be resent (that is what the admin wants); a used or withdrawn one may not.
    if (!previous || previous.purpose !== 'invite' || previous.usedAt || previous.revokedAt) throw new NotFoundError('That invitation no longer exists.');
    return this.invite(actor, { email: previous.email, role: previous.role ?? 'agent' });
  }

  async revokeInvite(actor: User, inviteId: string): Promise<void> {
    const invite = await this.deps.store.tokens.findById(inviteId);
    await this.deps.authority.perform(
      actor,
      'team.invite_revoked',
      async () => {
        if (!invite || invite.purpose !== 'invite' || !(await this.deps.store.tokens.revoke(inviteId, this.deps.clock.now()))) throw new NotFoundError('That invitation no longer exists.');
      },
      () => ({ target: invite?.email ?? null }),
    );
  }

  /** What an invite link offers, or InvalidTokenError when it cannot be used. */
  async checkInvite(token: string): Promise<{ email: string; role: Role; organisationName: string }> {
    const invite = await this.#usableInvite(token);
    const org = await this.deps.store.organisations.get();
    return { email: invite.email, role: invite.role ?? 'agent', organisationName: org?.name ?? 'Baton' };
  }

  async acceptInvite(token: string, input: { name: string; password: string }): Promise<User> {
    const invite = await this.#usableInvite(token);
    const problem = passwordProblem(input.password, invite.email);
    if (problem) throw new ValidationError('Please correct the highlighted fields.', { password: problem });
    const passwordHash = await hashPassword(input.password);
    const now = this.deps.clock.now();
    const user = await this.deps.store.transaction(async (tx) => {
      if (!(await tx.tokens.markUsed(invite.id, now))) throw this.#invalidInvite();
      if (await tx.users.findByEmail(invite.email)) throw new ConflictError('An account with this email already exists. Sign in instead.');
      return tx.users.insert({ email: invite.email, name: input.name.trim(), role: invite.role ?? 'agent', passwordHash });
    });
    await this.deps.audit.record({ action: 'team.joined', actor: user, target: user.email, details: { role: user.role } });
    return user;
  }

  async changeRole(actor: User, userId: string, role: Role): Promise<User> {
    const change = () =>
      this.deps.store.transaction(async (tx) => {
        await tx.lock('team');
        const user = await this.#member(tx, userId);
        if (user.role === 'admin' && role !== 'admin') await this.#keepAnAdmin(tx, user, actor);
        return { before: user, after: (await tx.users.update(userId, { role })) ?? user };
      });
    const { after } = await this.deps.authority.perform(actor, 'team.role_changed', change, ({ before, after }) => (before.role === after.role ? null : { target: after.email, details: { from: before.role, to: after.role } }));
    return after;
  }

  async setActive(actor: User, userId: string, active: boolean): Promise<User> {
    const change = () =>
      this.deps.store.transaction(async (tx) => {
        await tx.lock('team');
        const user = await this.#member(tx, userId);
        if (!active && user.id === actor.id) throw new ForbiddenError('You cannot deactivate your own account.');
        if (!active && user.role === 'admin') await this.#keepAnAdmin(tx, user, actor);
        if (!active) await tx.sessions.deleteForUser(userId);
        return { before: user, after: (await tx.users.update(userId, { active })) ?? user };
      });
    const { after } = await this.deps.authority.perform(actor, active ? 'team.reactivated' : 'team.deactivated', change, ({ before, after: u }) => (before.active === u.active ? null : { target: u.email, details: { role: u.role } }));
    if (!active) await this.deps.sessionsEnded?.({ userId });
    return after;
  }

  /**
   * Saves a teammate's name and sign-in email. A new email is where password resets go, so it
   * takes the current password, is audited, and the old address is told.
   */
  async updateProfile(actor: User, input: { name: string; email: string; current?: string }): Promise<User> {
    const email = normaliseEmail(input.email);
    const changesEmail = email !== normaliseEmail(actor.email);
    if (changesEmail) {
      const hash = await this.deps.store.users.findPasswordHash(actor.id);
      if (!input.current) throw new ValidationError('Please correct the highlighted fields.', { current: 'Enter your current password to change your email.' });
      if (!hash || !(await verifyPassword(input.current, hash))) throw new ValidationError('Please correct the highlighted fields.', { current: 'That is not your current password.' });
    }
    const other = await this.deps.store.users.findByEmail(email);
    if (other && other.id !== actor.id) throw new ValidationError('Please correct the highlighted fields.', { email: 'Another account already uses this email.' });
    const user = await this.deps.store.users.update(actor.id, { name: input.name.trim(), email });
    if (!user) throw new NotFoundError('Your account no longer exists.');
    if (changesEmail) {
      await this.deps.audit.record({ action: 'email.changed', actor: user, target: email, details: { from: actor.email } });
      const org = await this.deps.store.organisations.get();
      await this.deps.mailer
        .send({ to: actor.email, subject: `Your ${org?.name ?? 'Baton'} sign-in email was changed`, template: 'email-changed', data: { name: user.name, orgName: org?.name ?? 'Baton', newEmail: email, resetLink: this.deps.links.forgotPassword?.() ?? '' } })
        .catch(() => undefined);
    }
    return user;
  }

  /** Whether an admin gets the weekly insights digest by email. */
  async setWeeklyDigest(actor: User, on: boolean): Promise<User> {
    const user = await this.deps.store.users.update(actor.id, { weeklyDigest: on });
    if (!user) throw new NotFoundError('Your account no longer exists.');
    return user;
  }

  /** Changes the password and signs the user out everywhere except `keepSessionId` (the browser that asked). */
  async changePassword(actor: User, input: { current: string; next: string }, keepSessionId?: string): Promise<void> {
    const { store } = this.deps;
    const hash = await store.users.findPasswordHash(actor.id);
    if (!hash || !(await verifyPassword(input.current, hash))) {
      throw new ValidationError('Please correct the highlighted fields.', { current: 'That is not your current password.' });
    }
    const problem = passwordProblem(input.next, actor.email);
    if (problem) throw new ValidationError('Please correct the highlighted fields.', { next: problem });
    const nextHash = await hashPassword(input.next);
    await store.transaction(async (tx) => {
      await tx.users.setPasswordHash(actor.id, nextHash);
      await tx.sessions.deleteForUser(actor.id, keepSessionId);
    });
    await this.deps.audit.record({ action: 'password.changed', actor });
    await this.deps.sessionsEnded?.({ userId: actor.id, ...(keepSessionId ? { except: keepSessionId } : {}) });
  }

  async #saveOrganisation(tx: TransactionRepos, org: Omit<Organisation, 'id'>) {
    const existing = await tx.organisations.get();
    return existing ? tx.organisations.update(org) : tx.organisations.insert(org);
  }

  async #sendInvite(actor: User, invite: PendingInvite, token: string): Promise<Delivery> {
    const org = await this.deps.store.organisations.get();
    const orgName = org?.name ?? 'Baton';
    try {
      await this.deps.mailer.send({
        to: invite.email,
        subject: `${actor.name} invited you to ${orgName} on Baton`,
        template: 'invite',
        data: { inviterName: actor.name, orgName, role: invite.role, link: this.deps.links.invite(token), hours: this.deps.inviteTtlHours },
      });
      return { sent: true };
    } catch (error) {
      return { sent: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  async #usableInvite(token: string) {
    const invite = await this.deps.store.tokens.findByHash('invite', hashToken(token));
    if (!invite || invite.usedAt || invite.revokedAt || invite.expiresAt <= this.deps.clock.now()) throw this.#invalidInvite();
    return invite;
  }

  #invalidInvite() {
    return new InvalidTokenError('This invitation link has expired or was already used. Ask an admin to send a new one.');
  }

  async #member(tx: TransactionRepos, userId: string): Promise<User> {
    const user = await tx.users.findById(userId);
    if (!user) throw new NotFoundError('That teammate no longer exists.');
    return user;
  }

  async #keepAnAdmin(tx: TransactionRepos, user: User, actor: User) {
    if (user.active && (await tx.users.countActiveAdmins()) <= 1) {
      throw new ForbiddenError(user.id === actor.id ? 'You are the only admin: make someone else an admin first.' : 'Baton needs at least one active admin.');
    }
  }

  #requireAdmin(actor: User) {
    if (actor.role !== 'admin') throw new ForbiddenError('Only admins can manage the team.');
  }
}
