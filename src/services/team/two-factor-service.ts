import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { AuditLog } from '../audit/audit-log.js';
import type { Authority } from '../audit/authority.js';
import type { AuditActor } from '../audit/types.js';
import { AuthenticationError, NotFoundError, ValidationError } from '../errors.js';
import type { Clock, OrganisationRepo, TwoFactorRepo, UserRepo } from '../ports.js';
import type { AuthPolicy } from './auth-service.js';
import { verifyPassword } from './passwords.js';
import type { User } from './types.js';

export interface TwoFactorDeps {
  repo: TwoFactorRepo;
  users: Pick<UserRepo, 'findById' | 'findByEmail' | 'findPasswordHash' | 'recordFailedLogin' | 'resetFailedLogins' | 'update'>;
  organisations: Pick<OrganisationRepo, 'get'>;
  /** Seals the TOTP secret before it is stored, and opens it to check a code. */
  box: { seal(text: string): string; open(sealed: string): string };
  audit: Pick<AuditLog, 'record'>;
  authority: Pick<Authority, 'perform'>;
  clock: Clock;
  policy: Pick<AuthPolicy, 'maxFailedLogins' | 'lockoutMinutes'>;
  /** Ends a user's sessions (all but `except`) in the store, then their live streams on every replica. */
  endSessions: (userId: string, except?: string) => Promise<void>;
}

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30 seconds. */
const PERIOD = 30;
const RECOVERY_CODES = 10;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const LOCKED = 'Too many attempts. Try again later, or ask an admin of your team.';
const WRONG = 'That code is not right. Enter the current code from your authenticator app, or one of your recovery codes.';

const recoveryHash = (code: string) => createHash('sha256').update(code.toLowerCase().replace(/[^a-z0-9]/g, '')).digest('hex');
const newRecoveryCode = () => Array.from({ length: 10 }, (_, i) => (i === 5 ? '-' : '') + ALPHABET[randomInt(ALPHABET.length)]).join('');

/** What the set-up page shows: the secret to type, and the otpauth:// URI the QR code holds. */
export interface TwoFactorSetup {
  secret: string;
  uri: string;
}

/**
 * Two-factor sign-in with an authenticator app (TOTP), and recovery codes for a lost phone.
 * A code works once (its time step is recorded), wrong codes count towards the same lockout as
 * wrong passwords, and admins can require it of everyone or reset it for a teammate.
 */
export class TwoFactorService {
  constructor(private readonly deps: TwoFactorDeps) {}

  required(): Promise<boolean> {
    return this.deps.repo.required();
  }

  /** Admins: require two-factor sign-in of everyone (each is asked to set it up at their next page). */
  async setRequired(actor: AuditActor, required: boolean): Promise<void> {
    const before = await this.deps.repo.required();
    await this.deps.authority.perform(actor, 'settings.changed', () => this.deps.repo.setRequired(required), () => ({ target: 'Two-factor sign-in', details: { required: { from: before, to: required } } }));
  }

  /** A new secret for the set-up page; nothing is stored until a code from it is confirmed. */
  async start(user: User): Promise<TwoFactorSetup> {
    const secret = new Secret({ size: 20 }).base32;
    return { secret, uri: await this.uri(user, secret) };
  }

  /** The otpauth:// URI for a secret being set up: the app shows the organisation and the address. */
  async uri(user: User, secret: string): Promise<string> {
    const issuer = (await this.deps.organisations.get())?.name || 'Baton';
    return this.#totp(Secret.fromBase32(secret), user.email, issuer).toString();
  }

  /**
   * Turns it on once the person proves both that they hold the password and that their app
   * makes the right codes. Returns the recovery codes, shown once.
   */
  async enable(user: User, input: { secret: string; code: string; password: string }, ctx: { sessionId?: string } = {}): Promise<string[]> {
    if (user.twoFactorAt || (await this.deps.repo.get(user.id))) throw new ValidationError('Two-factor sign-in is already on. Turn it off first to use another app.', { code: 'Two-factor sign-in is already on.' });
    // Only a secret this server made (20 random bytes, kept in the session by start()).
    if (!/^[A-Z2-7]{32}$/.test(input.secret)) throw new ValidationError('Start the set-up again: the key on the page was not kept.', { code: 'Start the set-up again.' });
    await this.#checkPassword(user, input.password);
    const secret = Secret.fromBase32(input.secret);
    const step = this.#matchingStep(secret, input.code);
    if (step === undefined) throw new ValidationError('That code is not right.', { code: 'Enter the six-digit code your app shows now.' });
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.deps.repo.enable(user.id, { secret: this.deps.box.seal(secret.base32), lastStep: step, recoveryCodes: codes.map(recoveryHash) }, this.deps.clock.now());
    // A session opened with the password alone (perhaps by whoever had it) ends now.
    await this.deps.endSessions(user.id, ctx.sessionId);
    await this.deps.audit.record({ action: 'two_factor.enabled', actor: user, target: user.email });
    return codes;
  }

  /** Turns it off (the password and a current code); not while the organisation requires it. */
  async disable(user: User, input: { password: string; code: string }): Promise<void> {
    if (await this.deps.repo.required()) throw new ValidationError('Your organisation requires two-factor sign-in, so it stays on. An admin can reset it if you lost your phone.', { password: 'Two-factor sign-in is required here.' });
    await this.#checkPassword(user, input.password);
    const factor = await this.deps.repo.get(user.id);
    if (!factor) return;
    if (!(await this.#accept(user.id, factor, input.code))) throw new ValidationError('That code is not right.', { code: 'Enter the current code from your app, or a recovery code.' });
    await this.deps.repo.disable(user.id);
    await this.deps.audit.record({ action: 'two_factor.disabled', actor: user, target: user.email });
  }

  /** Replaces the recovery codes (the old ones stop working). */
  async newRecoveryCodes(user: User, input: { password: string }): Promise<string[]> {
    await this.#checkPassword(user, input.password);
    if (!(await this.deps.repo.get(user.id))) throw new ValidationError('Two-factor sign-in is off.', { password: 'Turn on two-factor sign-in first.' });
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.deps.repo.setRecoveryCodes(user.id, codes.map(recoveryHash));
    await this.deps.audit.record({ action: 'two_factor.recovery_codes', actor: user, target: user.email });
    return codes;
  }

  async recoveryCodesLeft(user: User): Promise<number> {
    return (await this.deps.repo.get(user.id))?.recoveryCodes.length ?? 0;
  }

  /**
   * Admins (or `baton admin reset-two-factor`, for the last admin's lost phone): a teammate
   * lost their phone and their codes; they set it up again at their next sign-in.
   */
  async reset(actor: AuditActor, who: { userId: string } | { email: string }): Promise<User> {
    const user = 'userId' in who ? await this.deps.users.findById(who.userId) : await this.deps.users.findByEmail(who.email.trim().toLowerCase());
    if (!user) throw new NotFoundError('That teammate no longer exists.');
    // One's own goes through "turn off", which asks for the password and a code.
    if (typeof actor === 'object' && actor.id === user.id) throw new ValidationError('Turn off your own two-factor sign-in from your profile.');
    const reset = async () => {
      await this.deps.repo.disable(user.id);
      // Whoever has the phone no longer signs in; sessions opened with it end too.
      await this.deps.endSessions(user.id);
    };
    await this.deps.authority.perform(actor, 'team.two_factor_reset', reset, () => ({ target: user.email }));
    return user;
  }

  /**
   * The second step of signing in: a current code (each works once) or an unused recovery code.
   * Wrong codes count towards the lockout, as wrong passwords do.
   */
  async completeSignIn(userId: string, code: string, ctx: { ip?: string | null } = {}): Promise<User> {
    const user = await this.deps.users.findById(userId);
    const factor = user && (await this.deps.repo.get(user.id));
    if (!user?.active || !factor) throw new AuthenticationError('invalid_credentials', 'Sign in again.');
    const now = this.deps.clock.now();
    const { maxFailedLogins: max, lockoutMinutes } = this.deps.policy;
    const until = new Date(now.getTime() + lockoutMinutes * 60_000);
    // The attempt is claimed before the code is checked, so parallel guesses cannot outrun the
    // count; it is kept apart from password failures, which a password reset clears.
    const attempt = await this.deps.repo.claimAttempt(user.id, now, max, until);
    if (attempt === 'locked') throw new AuthenticationError('account_locked', LOCKED);
    const method = await this.#accept(user.id, factor, code);
    if (!method) {
      if (attempt >= max) {
        await this.deps.audit.record({ action: 'login.locked', actor: user, ip: ctx.ip ?? null, details: { failures: attempt, until: until.toISOString(), step: 'two-factor code' } });
        throw new AuthenticationError('account_locked', LOCKED);
      }
      await this.deps.audit.record({ action: 'login.failed', actor: user, ip: ctx.ip ?? null, details: { reason: 'wrong two-factor code', failures: attempt } });
      throw new AuthenticationError('invalid_credentials', WRONG);
    }
    await this.deps.repo.clearAttempts(user.id);
    await this.deps.users.resetFailedLogins(user.id);
    if (method === 'recovery code') await this.deps.audit.record({ action: 'two_factor.recovery_used', actor: user, ip: ctx.ip ?? null, details: { left: factor.recoveryCodes.length - 1 } });
    await this.deps.audit.record({ action: 'login.succeeded', actor: user, ip: ctx.ip ?? null, details: { second: method } });
    return (await this.deps.users.update(user.id, { lastLoginAt: now, lockedUntil: null })) ?? user;
  }

  async #accept(userId: string, factor: { secret: string }, code: string): Promise<'app' | 'recovery code' | undefined> {
    const clean = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(clean)) {
      const step = this.#matchingStep(Secret.fromBase32(this.deps.box.open(factor.secret)), clean);
      return step !== undefined && (await this.deps.repo.useStep(userId, step)) ? 'app' : undefined;
    }
    if (clean.length > 30 || !/^[a-z0-9-]+$/i.test(clean)) return undefined;
    return (await this.deps.repo.useRecoveryCode(userId, recoveryHash(clean))) ? 'recovery code' : undefined;
  }

  /** The time step the code belongs to (now, or one step either side for a clock a little off). */
  #matchingStep(secret: Secret, code: string): number | undefined {
    const clean = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(clean)) return undefined;
    const now = this.deps.clock.now().getTime();
    const delta = this.#totp(secret).validate({ token: clean, timestamp: now, window: 1 });
    return delta === null ? undefined : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
  }

  #totp(secret: Secret, label = 'Baton', issuer = 'Baton'): TOTP {
    return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret });
  }

  /**
   * The current password, for changes to the factor. Wrong ones count towards the same lockout
   * as sign-in, so a session left open cannot be used to guess it.
   */
  async #checkPassword(user: User, password: string): Promise<void> {
    const now = this.deps.clock.now();
    const fresh = await this.deps.users.findById(user.id);
    if (fresh?.lockedUntil && fresh.lockedUntil > now) throw new ValidationError(LOCKED, { password: LOCKED });
    const hash = await this.deps.users.findPasswordHash(user.id);
    if (password && hash && (await verifyPassword(password, hash))) return;
    const failures = await this.deps.users.recordFailedLogin(user.id);
    if (failures >= this.deps.policy.maxFailedLogins) {
      await this.deps.users.update(user.id, { lockedUntil: new Date(now.getTime() + this.deps.policy.lockoutMinutes * 60_000) });
      await this.deps.users.resetFailedLogins(user.id);
      await this.deps.audit.record({ action: 'login.locked', actor: user, details: { failures, step: 'password to change two-factor sign-in' } });
    }
    throw new ValidationError('That is not your current password.', { password: 'Enter your current password.' });
  }
}
