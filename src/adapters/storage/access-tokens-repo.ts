import type { Knex } from 'knex';
import type { AccessToken, TokenScope } from '../../services/team/access-tokens.js';
import type { AccessTokenRepo } from '../../services/ports.js';
import { isUuid } from './db.js';

interface Row {
  id: string;
  user_id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toToken = (r: Row): AccessToken => ({ id: r.id, userId: r.user_id, name: r.name, scope: r.scope, prefix: r.prefix, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at });
/** Never the hash: it leaves this file only as a lookup key. */
const COLUMNS = ['id', 'user_id', 'name', 'scope', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'];

export class AccessTokensRepo implements AccessTokenRepo {
  constructor(private readonly db: Knex) {}

  async listFor(userId: string) {
    const rows = (await this.db('personal_access_tokens').where({ user_id: userId }).orderBy('created_at', 'desc').select(COLUMNS)) as Row[];
    return rows.map(toToken);
  }

  async insert(t: { userId: string; name: string; scope: TokenScope; tokenHash: string; prefix: string; expiresAt: Date | null }) {
    const [row] = (await this.db('personal_access_tokens').insert({ user_id: t.userId, name: t.name, scope: t.scope, token_hash: t.tokenHash, prefix: t.prefix, expires_at: t.expiresAt }).returning(COLUMNS)) as Row[];
    return toToken(row!);
  }

  async findByHash(hash: string) {
    const row = (await this.db('personal_access_tokens').where({ token_hash: hash }).first(COLUMNS)) as Row | undefined;
    return row ? toToken(row) : undefined;
  }

  async touch(id: string, at: Date) {
    await this.db('personal_access_tokens').where({ id }).update({ last_used_at: at });
  }

  async revoke(id: string, at: Date) {
    if (isUuid(id)) await this.db('personal_access_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: at });
  }
}
