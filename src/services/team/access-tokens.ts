import { hashToken, newToken } from '../../lib/tokens.js';
import type { Authority } from '../audit/authority.js';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.js';
import type { AccessTokenRepo, Clock, UserRepo } from '../ports.js';
import type { User } from './types.js';

/**
 * What a token may do with the team API: read (lists, a conversation, insights), write (also
 * reply, note, claim, assign, resolve, reopen) and admin (also knowledge: snippets, sources,
 * syncs). The person behind it still needs the role for each action, as in the inbox.
 */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'Read: list and read conversations, knowledge and insights',
  write: 'Write: also reply, add notes, claim, assign, resolve and reopen',
  admin: 'Admin: also manage Q&A snippets, websites, documents and syncs (admins only)',
};

export interface AccessToken {
  id: string;
  userId: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Who a request's token speaks for, and what it may do. */
export interface TokenHolder {
  user: User;
  token: AccessToken;
}

const PREFIX = 'baton_pat_';
/** last_used_at is written at most this often per token: a busy script does not write each call. */
const TOUCH_MS = 60_000;
const MAX_TOKENS = 50;

export const scopeAllows = (scope: TokenScope, needed: TokenScope) => TOKEN_SCOPES.indexOf(scope) >= TOKEN_SCOPES.indexOf(needed);

export class AccessTokenService {
  constructor(private readonly deps: { repo: AccessTokenRepo; users: Pick<UserRepo, 'findById'>; authority: Pick<Authority, 'perform'>; clock: Clock; /** The organisation requires two-factor sign-in (a token of someone without it then stops, as their sessions do). */ twoFactorRequired?: () => Promise<boolean> }) {}

  list(user: User): Promise<AccessToken[]> {
    return this.deps.repo.listFor(user.id);
  }

  /** A new token; its text is returned this once and never again. */
  async create(user: User, input: { name: string; scope: string; expiresInDays?: number | null }): Promise<{ token: string; record: AccessToken }> {
    const name = input.name.trim();
    const fields: Record<string, string> = {};
    if (!name) fields.name = 'Name it after what will use it, e.g. “CRM sync”.';
    else if (name.length > 100) fields.name = 'At most 100 characters.';
    if (!TOKEN_SCOPES.includes(input.scope as TokenScope)) fields.scope = 'Choose what it may do.';
    if (input.expiresInDays != null && !(Number.isInteger(input.expiresInDays) && input.expiresInDays >= 1 && input.expiresInDays <= 3650)) fields.expiresInDays = 'A whole number of days from 1 to 3,650, or never.';
    if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);
    const scope = input.scope as TokenScope;
    if (scope === 'admin' && user.role !== 'admin') throw new ForbiddenError('Only admins can make a token with the admin scope.');
    const now0 = this.deps.clock.now();
    if ((await this.deps.repo.listFor(user.id)).filter((t) => !t.revokedAt && !(t.expiresAt && t.expiresAt <= now0)).length >= MAX_TOKENS) throw new ValidationError(`You have ${MAX_TOKENS} tokens: revoke one you no longer use first.`);
    const token = `${PREFIX}${newToken()}`;
    const now = this.deps.clock.now();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
    const record = await this.deps.authority.perform(
      user,
      'token.created',
      () => this.deps.repo.insert({ userId: user.id, name, scope, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6), expiresAt }),
      (r) => ({ target: r.name, details: { scope: r.scope, expires: r.expiresAt?.toISOString() ?? 'never' } }),
    );
    return { token, record };
  }

  async revoke(user: User, id: string): Promise<AccessToken> {
    const token = (await this.deps.repo.listFor(user.id)).find((t) => t.id === id);
    if (!token) throw new NotFoundError('That token does not exist (or is not yours).');
    if (token.revokedAt) return token;
    await this.deps.authority.perform(user, 'token.revoked', () => this.deps.repo.revoke(id, this.deps.clock.now()), () => ({ target: token.name, details: { scope: token.scope } }));
    return { ...token, revokedAt: this.deps.clock.now() };
  }

  /**
   * The person and token behind a bearer token, or UnauthorizedError: unknown, revoked, expired,
   * or its owner deactivated all read the same from outside.
   */
  async authenticate(raw: string | undefined): Promise<TokenHolder> {
    const refused = new UnauthorizedError('A valid personal access token is required (Authorization: Bearer baton_pat_…).');
    if (!raw?.startsWith(PREFIX) || raw.length > 200) throw refused;
    const token = await this.deps.repo.findByHash(hashToken(raw));
    const now = this.deps.clock.now();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) throw refused;
    const user = await this.deps.users.findById(token.userId);
    if (!user?.active) throw refused;
    if (!user.twoFactorAt && (await this.deps.twoFactorRequired?.())) throw new UnauthorizedError('Your organisation requires two-factor sign-in: set it up in Baton (Your profile) and this token works again.');
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_MS) await this.deps.repo.touch(token.id, now);
    return { user, token };
  }
}
