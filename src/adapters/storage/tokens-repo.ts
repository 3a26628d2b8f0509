import type { NewUserToken, TokenRepo } from '../../services/ports.js';
import type { PendingInvite, Role, TokenPurpose, UserToken } from '../../services/team/types.js';
import { isUuid, type Conn } from './db.js';

interface TokenRow {
  id: string;
  purpose: TokenPurpose;
  token_hash: string;
  email: string;
  role: Role | null;
  user_id: string | null;
  invited_by_id: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const COLUMNS = ['id', 'purpose', 'email', 'role', 'user_id', 'invited_by_id', 'expires_at', 'used_at', 'revoked_at', 'created_at'] as const;

const toToken = (r: Omit<TokenRow, 'token_hash'>): UserToken => ({
  id: r.id,
  purpose: r.purpose,
  email: r.email,
  role: r.role,
  userId: r.user_id,
  invitedById: r.invited_by_id,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  revokedAt: r.revoked_at,
  createdAt: r.created_at,
});


export class TokensRepo implements TokenRepo {
  constructor(private readonly db: Conn) {}

  async insert(token: NewUserToken) {
    const [row] = await this.db<TokenRow>('user_tokens')
      .insert({
        purpose: token.purpose,
        token_hash: token.tokenHash,
        email: token.email,
        role: token.role ?? null,
        user_id: token.userId ?? null,
        invited_by_id: token.invitedById ?? null,
        expires_at: token.expiresAt,
      })
      .returning([...COLUMNS]);
    return toToken(row!);
  }

  async findById(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<TokenRow>('user_tokens').select(...COLUMNS).where({ id }).first();
    return row ? toToken(row) : undefined;
  }

  async findByHash(purpose: TokenPurpose, tokenHash: string) {
    const row = await this.db<TokenRow>('user_tokens').select(...COLUMNS).where({ purpose, token_hash: tokenHash }).first();
    return row ? toToken(row) : undefined;
  }

  async markUsed(id: string, at: Date) {
    const count = await this.db('user_tokens').where({ id }).whereNull('used_at').whereNull('revoked_at').update({ used_at: at });
    return count === 1;
  }

  async revokeFor(purpose: TokenPurpose, email: string, at: Date) {
    await this.db('user_tokens').where({ purpose, email }).whereNull('used_at').whereNull('revoked_at').update({ revoked_at: at });
  }

  async revoke(id: string, at: Date) {
    if (!isUuid(id)) return false;
    const count = await this.db('user_tokens').where({ id }).whereNull('used_at').whereNull('revoked_at').update({ revoked_at: at });
    return count === 1;
  }

  async pendingInvites(): Promise<PendingInvite[]> {
    const rows = await this.db('user_tokens as t')
      .leftJoin('users as u', 'u.id', 't.invited_by_id')
      .where('t.purpose', 'invite')
      .whereNull('t.used_at')
      .whereNull('t.revoked_at')
      .orderBy('t.created_at', 'desc')
      .select<{ id: string; email: string; role: Role | null; invited_by_name: string | null; expires_at: Date; created_at: Date }[]>(
        't.id',
        't.email',
        't.role',
        'u.name as invited_by_name',
        't.expires_at',
        't.created_at',
      );
    return rows.map((r) => ({ id: r.id, email: r.email, role: r.role ?? 'agent', invitedByName: r.invited_by_name, expiresAt: r.expires_at, createdAt: r.created_at }));
  }

  async purgeBefore(before: Date) {
    return this.db('user_tokens').where('expires_at', '<', before).orWhere('used_at', '<', before).orWhere('revoked_at', '<', before).delete();
  }
}
