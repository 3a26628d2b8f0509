import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.js';
import { AuthenticationError } from '../errors.js';
import type { Clock, IdentityClaims, IdentityProvider, SsoPending, Store } from '../ports.js';
import { hashPassword } from './passwords.js';
import type { Role, User } from './types.js';

export interface SsoOptions {
  /** The button's words: "Sign in with …". */
  label: string;
  /** Password sign-in is refused; the team signs in through the provider only. */
  only: boolean;
  /** Email domains whose people get an account at their first sign-in (lower case); empty: invited people only. */
  allowedDomains: string[];
  /** The role such an account starts with. */
  defaultRole: Role;
  /** The issuer URL configured (OIDC_ISSUER). */
  issuer: string;
}

/**
 * Single sign-on with OpenID Connect. Who someone is comes from the provider; whether they may
 * use Baton is decided here: a teammate already linked to that identity, a teammate with the
 * same (provider-verified) email, someone invited, or someone from an allowed domain, who gets
 * an account then. Everyone else is told to ask for an invitation.
 */
export class SsoService {
  constructor(private readonly deps: { provider: IdentityProvider; store: Store; audit: Pick<AuditLog, 'record'>; clock: Clock; options: SsoOptions }) {}

  get label(): string {
    return this.deps.options.label;
  }

  /** The provider's issuer, as configured: a session signed in through it is marked with it. */
  get issuer(): string {
    return this.deps.options.issuer;
  }

  get only(): boolean {
    return this.deps.options.only;
  }

  begin(redirectUri: string): Promise<{ url: string; pending: SsoPending }> {
    return this.deps.provider.start(redirectUri);
  }

  /** The teammate the provider's answer signs in, or AuthenticationError saying why not. */
  async complete(callbackQuery: string, pending: SsoPending, ctx: { ip?: string | null } = {}): Promise<User> {
    const claims = await this.deps.provider.finish(callbackQuery, pending);
    let user: User;
    try {
      user = await this.#teammate(claims);
    } catch (e) {
      // Refused by Baton (not by the provider): in the audit log, as a wrong password is.
      if (e instanceof AuthenticationError) await this.deps.audit.record({ action: 'login.failed', actor: { email: claims.email ?? `${claims.subject} at ${claims.issuer}` }, ip: ctx.ip ?? null, details: { method: 'sso', reason: e.code } });
      throw e;
    }
    await this.deps.store.users.update(user.id, { lastLoginAt: this.deps.clock.now() });
    await this.deps.audit.record({ action: 'login.succeeded', actor: user, ip: ctx.ip ?? null, details: { method: 'sso', issuer: claims.issuer } });
    return user;
  }

  async #teammate(claims: IdentityClaims): Promise<User> {
    const { users } = this.deps.store;
    const subject = `${claims.issuer} ${claims.subject}`;
    const linked = await users.findByOidcSubject(subject);
    if (linked && !linked.active) throw new AuthenticationError('account_deactivated', 'This account is deactivated. Ask an admin to reactivate it.');
    if (linked) return linked;
    // Matching by email trusts the provider to have checked the address: only a verified one.
    if (!claims.email) throw new AuthenticationError('sso_refused', 'The provider did not say your email address, so Baton cannot tell who you are. Ask your admin to release the email claim to Baton.');
    if (!claims.emailVerified) throw new AuthenticationError('sso_refused', `The provider has not verified ${claims.email} (email_verified is not true), so Baton cannot match it to an account.`);
    const existing = await users.findByEmail(claims.email);
    // Checked before linking: a deactivated account is not tied to an identity on its way out.
    if (existing && !existing.active) throw new AuthenticationError('account_deactivated', 'This account is deactivated. Ask an admin to reactivate it.');
    if (existing) {
      if (!(await users.linkOidcSubject(existing.id, subject))) throw new AuthenticationError('sso_refused', `${claims.email} is already linked to another single sign-on identity. Ask an admin.`);
      return existing;
    }
    return this.#newTeammate(claims, subject);
  }

  /** An invited person's account (their invitation is used up), or one for an allowed domain. */
  async #newTeammate(claims: IdentityClaims, subject: string): Promise<User> {
    const email = claims.email!;
    const now = this.deps.clock.now();
    const invite = (await this.deps.store.tokens.pendingInvites()).find((i) => i.email.toLowerCase() === email && i.expiresAt > now);
    const domain = email.split('@')[1] ?? '';
    if (!invite && !this.deps.options.allowedDomains.includes(domain)) {
      throw new AuthenticationError('no_account', `There is no Baton account for ${email}. Ask an admin to invite you.`);
    }
    // No password of its own: a random one nobody knows (a reset link can set one, unless SSO only).
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const name = claims.name?.trim().slice(0, 120) || email.split('@')[0]!;
    const user = await this.deps.store.transaction(async (tx) => {
      await tx.lock('team');
      if (invite && !(await tx.tokens.markUsed(invite.id, now))) throw new AuthenticationError('sso_refused', 'Your invitation was just used or withdrawn. Sign in again.');
      const created = await tx.users.insert({ email, name, role: invite?.role ?? this.deps.options.defaultRole, passwordHash });
      await tx.users.linkOidcSubject(created.id, subject);
      return created;
    });
    await this.deps.audit.record({ action: 'team.joined', actor: user, target: user.email, details: { role: user.role, via: invite ? 'sso invitation' : 'sso allowed domain' } });
    return user;
  }
}
