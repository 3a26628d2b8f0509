import { ConflictError } from '../../services/errors.js';
import type { NewUser, UserRepo } from '../../services/ports.js';
import type { Role, User } from '../../services/team/types.js';
import { isUuid, type Conn } from './db.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  weekly_digest: boolean;
  created_at: Date;
  two_factor_at: Date | null;
}

const COLUMNS = ['id', 'email', 'name', 'role', 'active', 'failed_logins', 'locked_until', 'last_login_at', 'weekly_digest', 'created_at', 'two_factor_at'] as const;

const toUser = (r: Omit<UserRow, 'password_hash'>): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
  lastLoginAt: r.last_login_at,
  weeklyDigest: r.weekly_digest,
  createdAt: r.created_at,
  twoFactorAt: r.two_factor_at ?? null,
});


/** The unique index on email can still fire when two requests race past the service's check. */
function emailTaken(e: unknown): never {
  if ((e as { code?: string }).code === '23505') throw new ConflictError('That email address is already used by another account.');
  throw e;
}

export class UsersRepo implements UserRepo {
  constructor(private readonly db: Conn) {}

  async findById(id: string) {
    // A malformed id is simply not found, rather than a Postgres cast error.
    if (!isUuid(id)) return undefined;
    const row = await this.db<UserRow>('users').select(...COLUMNS).where({ id }).first();
    return row ? toUser(row) : undefined;
  }

  async findByEmail(email: string) {
    const row = await this.db<UserRow>('users').select(...COLUMNS).where({ email }).first();
    return row ? toUser(row) : undefined;
  }

  async findByOidcSubject(subject: string) {
    const row = (await this.db('users').select(...COLUMNS).where('oidc_subject', subject).first()) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  async linkOidcSubject(id: string, subject: string) {
    // Only an account not yet linked: one already linked to another identity stays so.
    return (await this.db('users').where({ id }).whereNull('oidc_subject').update({ oidc_subject: subject })) > 0;
  }

  async findPasswordHash(id: string) {
    const row = await this.db<UserRow>('users').select('password_hash').where({ id }).first();
    return row?.password_hash;
  }

  async list() {
    const rows = await this.db<UserRow>('users').select(...COLUMNS).orderBy([{ column: 'active', order: 'desc' }, { column: 'name' }]);
    return rows.map(toUser);
  }

  async insert(user: NewUser) {
    const [row] = await this.db<UserRow>('users')
      .insert({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash })
      .returning([...COLUMNS])
      .catch(emailTaken);
    return toUser(row!);
  }

  async countActiveAdmins() {
    const row = await this.db('users').where({ role: 'admin', active: true }).count<{ count: number }[]>('* as count').first();
    return row?.count ?? 0;
  }

  async anyAdminExists() {
    const row = await this.db('users').where({ role: 'admin' }).select(this.db.raw('1')).first();
    return row !== undefined;
  }

  async update(id: string, patch: Partial<Pick<User, 'name' | 'email' | 'role' | 'active' | 'lockedUntil' | 'lastLoginAt' | 'weeklyDigest'>>) {
    if (!isUuid(id)) return undefined;
    const changes: Partial<UserRow> & { updated_at?: unknown } = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.email !== undefined) changes.email = patch.email;
    if (patch.role !== undefined) changes.role = patch.role;
    if (patch.active !== undefined) changes.active = patch.active;
    if (patch.lockedUntil !== undefined) changes.locked_until = patch.lockedUntil;
    if (patch.lastLoginAt !== undefined) changes.last_login_at = patch.lastLoginAt;
    if (patch.weeklyDigest !== undefined) changes.weekly_digest = patch.weeklyDigest;
    changes.updated_at = this.db.fn.now();
    const [row] = await this.db<UserRow>('users').where({ id }).update(changes).returning([...COLUMNS]).catch(emailTaken);
    return row ? toUser(row) : undefined;
  }

  async setPasswordHash(id: string, passwordHash: string) {
    await this.db('users').where({ id }).update({ password_hash: passwordHash, updated_at: this.db.fn.now() });
  }

  async recordFailedLogin(id: string) {
    const [row] = await this.db<UserRow>('users').where({ id }).increment('failed_logins', 1).returning(['failed_logins']);
    return row?.failed_logins ?? 0;
  }

  async resetFailedLogins(id: string) {
    await this.db('users').where({ id }).update({ failed_logins: 0 });
  }
}
