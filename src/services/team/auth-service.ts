import { hashToken, newToken } from '../../lib/tokens.js';
import { AuthenticationError, InvalidTokenError, ValidationError } from '../errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock, Mailer, Store } from '../ports.js';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords.js';
import type { User } from './types.js';

export interface AuthPolicy {
  maxFailedLogins: number;
  lockoutMinutes: number;
  passwordResetTtlMinutes: number;
}

export interface AuthServiceDeps {
  store: Store;
  mailer: Mailer;
  clock: Clock;
  policy: AuthPolicy;
  links: { passwordReset(token: string): string };
  /** Sign-ins, failed ones, lockouts and resets go into the audit log. */
  audit: Pick<AuditLog, 'record'>;
  /** Called when a reset email could not be sent; the visitor is still told "check your inbox". */
  onMailFailure?: (error: unknown, to: string) => void;
  /** Told when a user's sessions were ended, so live streams opened with them close too. */
  sessionsEnded?: (ended: { userId: string; only?: string }) => Promise<void>;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const INVALID = 'That email and password do not match an account.';

/**
 * Signing in, lockout after repeated failures, and password reset by email.
 */
export class AuthService {
  // Unknown emails still pay for one hash check, so response time does not reveal who has an account.
  #dummyHash: Promise<string> | undefined;
  /** Reset emails being written and sent after the request was answered. */
  readonly #pending = new Set<Promise<void>>();

  constructor(private readonly deps: AuthServiceDeps) {}

  async authenticate(email: string, password: string, ctx: { ip?: string | null } = {}): Promise<User> {
    const { store, clock, policy, audit } = this.deps;
    const ip = ctx.ip ?? null;
    const user = await store.users.findByEmail(normaliseEmail(email));
    if (!user) {
      await verifyPassword(password, await this.#dummy());
      await audit.record({ action: 'login.failed', actor: { email: normaliseEmail(email).slice(0, 200) }, ip, details: { reason: 'no such account' } });
      throw new AuthenticationError('invalid_credentials', this.#refusal());
    }
    const now = clock.now();
    if (user.lockedUntil && user.lockedUntil > now) {
      // The same work as a wrong password, so the time taken does not tell a locked account.
      await verifyPassword(password, (await store.users.findPasswordHash(user.id)) ?? (await this.#dummy()));
      await audit.record({ action: 'login.failed', actor: user, ip, details: { reason: 'locked' } });
      throw this.#lockedError(user.lockedUntil);
    }

    const hash = await store.users.findPasswordHash(user.id);
    if (!hash || !(await verifyPassword(password, hash))) {
      const failures = await store.users.recordFailedLogin(user.id);
      if (failures >= policy.maxFailedLogins) {
        const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
        // The count starts again after the lockout, so each lockout allows a fresh set of attempts.
        await store.users.update(user.id, { lockedUntil: until });
        await store.users.resetFailedLogins(user.id);
        await audit.record({ action: 'login.locked', actor: user, ip, details: { failures, until: until.toISOString() } });
        throw this.#lockedError(until);
      }
      await audit.record({ action: 'login.failed', actor: user, ip, details: { reason: 'wrong password', failures } });
      throw new AuthenticationError('invalid_credentials', this.#refusal());
    }
    // Checked after the password so the message reveals nothing to someone guessing.
    if (!user.active) {
      await audit.record({ action: 'login.failed', actor: user, ip, details: { reason: 'deactivated' } });
      throw new AuthenticationError('account_deactivated', 'This account has been deactivated. Ask an admin of your team to reactivate it.');
    }
    // A hash made with older, weaker parameters (or scrypt) is replaced while the password is at hand.
    if (needsRehash(hash)) await store.users.setPasswordHash(user.id, await hashPassword(password));
    // With two-factor sign-in on, this is only the first step: TwoFactorService records the
    // sign-in, and the failure count stays (else the password would buy fresh code guesses).
    if (user.twoFactorAt) return user;
    await store.users.resetFailedLogins(user.id);
    await audit.record({ action: 'login.succeeded', actor: user, ip });
    return (await store.users.update(user.id, { lastLoginAt: now, lockedUntil: null })) ?? user;
  }

  /** The user behind a session, or undefined when they no longer exist or were deactivated. */
  /**
   * Removes sessions past their expiry, and sign-in tokens (invites, resets) used, withdrawn or
   * expired more than 30 days ago: an expired invite stays a while so an admin can resend it.
   */
  async purgeExpired(): Promise<{ sessions: number; tokens: number }> {
    const now = this.deps.clock.now();
    const [sessions, tokens] = await Promise.all([this.deps.store.sessions.purgeExpired(now), this.deps.store.tokens.purgeBefore(new Date(now.getTime() - 30 * 86_400_000))]);
    return { sessions, tokens };
  }

  async userForSession(id: string): Promise<User | undefined> {
    const user = await this.deps.store.users.findById(id);
    return user?.active ? user : undefined;
  }

  /** The user signed out of one session: what was opened with it (live streams) ends too. */
  async signedOut(userId: string, sessionId: string): Promise<void> {
    await this.deps.sessionsEnded?.({ userId, only: sessionId });
  }

  /**
   * Emails a reset link when the address belongs to an active account. The caller shows the
   * same answer either way, so the form cannot be used to find out who has an account.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const address = normaliseEmail(email);
    const user = await this.deps.store.users.findByEmail(address);
    if (!user || !user.active) return;
    // The rest (a token written, an email sent) happens after the answer, so a known address
    // takes no longer to answer than an unknown one.
    const work = this.#sendReset(user, address).catch((error: unknown) => this.deps.onMailFailure?.(error, user.email));
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }

  /** Resolves once the reset emails asked for so far have been sent (or failed): for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.#pending.size) await Promise.all([...this.#pending]);
  }

  async #sendReset(user: User, address: string): Promise<void> {
    const { store, clock, mailer, policy, links } = this.deps;
    const now = clock.now();
    const token = newToken();
    await store.transaction(async (tx) => {
      await tx.tokens.revokeFor('password_reset', address, now);
      await tx.tokens.insert({
        purpose: 'password_reset',
        tokenHash: hashToken(token),
        email: address,
        userId: user.id,
        expiresAt: new Date(now.getTime() + policy.passwordResetTtlMinutes * 60_000),
      });
    });
    const org = await store.organisations.get();
    await mailer.send({
      to: user.email,
      subject: `Reset your ${org?.name ?? 'Baton'} password`,
      template: 'password-reset',
      data: { name: user.name, orgName: org?.name ?? 'Baton', link: links.passwordReset(token), minutes: policy.passwordResetTtlMinutes },
    });
  }

  /** The account a reset link is for, or InvalidTokenError when the link cannot be used. */
  async checkPasswordResetToken(token: string): Promise<{ email: string }> {
    const found = await this.#usableResetToken(token);
    return { email: found.email };
  }

  async resetPassword(token: string, password: string): Promise<User> {
    const { store, clock } = this.deps;
    const found = await this.#usableResetToken(token);
    const problem = passwordProblem(password, found.email);
    if (problem) throw new ValidationError('Choose a different password.', { password: problem });
    const hash = await hashPassword(password);
    const now = clock.now();
    const user = await store.transaction(async (tx) => {
      if (!(await tx.tokens.markUsed(found.id, now))) throw this.#invalidLink();
      const userId = found.userId ?? '';
      await tx.users.setPasswordHash(userId, hash);
      // Proving control of the mailbox is the documented way out of a lockout.
      await tx.users.resetFailedLogins(userId);
      const user = await tx.users.update(userId, { lockedUntil: null });
      if (!user || !user.active) throw this.#invalidLink();
      // Whoever else was signed in (perhaps the reason for the reset) is signed out.
      await tx.sessions.deleteForUser(userId);
      return user;
    });
    await this.deps.audit.record({ action: 'password.reset', actor: user });
    await this.deps.sessionsEnded?.({ userId: user.id });
    return user;
  }

  async #usableResetToken(token: string) {
    const found = await this.deps.store.tokens.findByHash('password_reset', hashToken(token));
    if (!found || found.usedAt || found.revokedAt || found.expiresAt <= this.deps.clock.now() || !found.userId) throw this.#invalidLink();
    return found;
  }

  #invalidLink() {
    return new InvalidTokenError('This password reset link has expired or was already used. Ask for a new one.');
  }

  /**
   * A locked account is told apart in the audit log only: the person signing in reads what a
   * wrong password or an unknown address gets, so the form cannot show whose account exists.
   */
  #lockedError(until: Date) {
    return new AuthenticationError('account_locked', this.#refusal(), until);
  }

  /** The one answer to a failed sign-in, whatever the reason, with the way out of a lockout. */
  #refusal(): string {
    const { maxFailedLogins, lockoutMinutes } = this.deps.policy;
    return `${INVALID} After ${maxFailedLogins} failed attempts an account is locked for ${lockoutMinutes} minutes; resetting the password unlocks it at once.`;
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= hashPassword('not-a-real-password');
    return this.#dummyHash;
  }
}
