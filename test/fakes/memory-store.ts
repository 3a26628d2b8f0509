import { randomUUID } from 'node:crypto';
import type { Clock, Mailer, NewUser, NewUserToken, OutgoingEmail, Store, TransactionRepos } from '../../src/services/ports.js';
import type { Organisation, PendingInvite, User, UserToken } from '../../src/services/team/types.js';

/**
 * The Store port in memory, for unit tests of services. It keeps the same rules the database
 * enforces (unique email, single-use tokens) so services meet the same answers as in production.
 * Transactions run the work directly: unit tests are single-threaded, so there is nothing to lock.
 */
export class MemoryStore implements Store {
  readonly usersById = new Map<string, User & { passwordHash: string }>();
  readonly tokensById = new Map<string, UserToken & { tokenHash: string }>();
  readonly sessionsByUser = new Map<string, Set<string>>();
  /** Single sign-on identities by user id. */
  readonly subjects = new Map<string, string>();
  org: Organisation | undefined;
  readonly locks: string[] = [];

  private readonly strip = ({ passwordHash: _p, ...u }: User & { passwordHash: string }): User => ({ ...u });

  readonly users: Store['users'] = {
    findById: async (id) => {
      const u = this.usersById.get(id);
      return u && this.strip(u);
    },
    findByEmail: async (email) => {
      const u = [...this.usersById.values()].find((x) => x.email === email);
      return u && this.strip(u);
    },
    findByOidcSubject: async (subject) => {
      const u = [...this.usersById.entries()].find(([id]) => this.subjects.get(id) === subject)?.[1];
      return u && this.strip(u);
    },
    linkOidcSubject: async (id, subject) => {
      if (!this.usersById.has(id) || this.subjects.has(id)) return false;
      this.subjects.set(id, subject);
      return true;
    },
    findPasswordHash: async (id) => this.usersById.get(id)?.passwordHash,
    list: async () => [...this.usersById.values()].map(this.strip),
    insert: async (nu: NewUser) => {
      if ([...this.usersById.values()].some((x) => x.email === nu.email)) throw Object.assign(new Error('duplicate email'), { code: '23505' });
      const u = { id: randomUUID(), email: nu.email, name: nu.name, role: nu.role, passwordHash: nu.passwordHash, active: true, failedLogins: 0, lockedUntil: null, lastLoginAt: null, weeklyDigest: true, createdAt: new Date(), twoFactorAt: null };
      this.usersById.set(u.id, u);
      return this.strip(u);
    },
    countActiveAdmins: async () => [...this.usersById.values()].filter((u) => u.role === 'admin' && u.active).length,
    anyAdminExists: async () => [...this.usersById.values()].some((u) => u.role === 'admin'),
    update: async (id, patch) => {
      const u = this.usersById.get(id);
      if (!u) return undefined;
      Object.assign(u, patch);
      return this.strip(u);
    },
    setPasswordHash: async (id, passwordHash) => {
      const u = this.usersById.get(id);
      if (u) u.passwordHash = passwordHash;
    },
    recordFailedLogin: async (id) => {
      const u = this.usersById.get(id)!;
      u.failedLogins += 1;
      return u.failedLogins;
    },
    resetFailedLogins: async (id) => {
      const u = this.usersById.get(id);
      if (u) u.failedLogins = 0;
    },
  };

  readonly organisations: Store['organisations'] = {
    get: async () => this.org,
    insert: async (o) => (this.org = { id: randomUUID(), ...o }),
    update: async (patch) => (this.org ? (this.org = { ...this.org, ...patch }) : undefined),
  };

  readonly tokens: Store['tokens'] = {
    insert: async (t: NewUserToken) => {
      const token = { id: randomUUID(), purpose: t.purpose, tokenHash: t.tokenHash, email: t.email, role: t.role ?? null, userId: t.userId ?? null, invitedById: t.invitedById ?? null, expiresAt: t.expiresAt, usedAt: null, revokedAt: null, createdAt: new Date() };
      this.tokensById.set(token.id, token);
      return { ...token };
    },
    findById: async (id) => {
      const t = this.tokensById.get(id);
      return t && { ...t };
    },
    findByHash: async (purpose, tokenHash) => {
      const t = [...this.tokensById.values()].find((x) => x.purpose === purpose && x.tokenHash === tokenHash);
      return t && { ...t };
    },
    markUsed: async (id, at) => {
      const t = this.tokensById.get(id);
      if (!t || t.usedAt || t.revokedAt) return false;
      t.usedAt = at;
      return true;
    },
    revokeFor: async (purpose, email, at) => {
      for (const t of this.tokensById.values()) if (t.purpose === purpose && t.email === email && !t.usedAt && !t.revokedAt) t.revokedAt = at;
    },
    revoke: async (id, at) => {
      const t = this.tokensById.get(id);
      if (!t || t.usedAt || t.revokedAt) return false;
      t.revokedAt = at;
      return true;
    },
    pendingInvites: async (): Promise<PendingInvite[]> =>
      [...this.tokensById.values()]
        .filter((t) => t.purpose === 'invite' && !t.usedAt && !t.revokedAt)
        .map((t) => ({ id: t.id, email: t.email, role: t.role ?? 'agent', invitedByName: (t.invitedById && this.usersById.get(t.invitedById)?.name) || null, expiresAt: t.expiresAt, createdAt: t.createdAt })),
    purgeBefore: async (before) => {
      const doomed = [...this.tokensById.values()].filter((t) => t.expiresAt < before || (t.usedAt && t.usedAt < before) || (t.revokedAt && t.revokedAt < before));
      for (const t of doomed) this.tokensById.delete(t.id);
      return doomed.length;
    },
  };

  readonly sessions: Store['sessions'] = {
    deleteForUser: async (userId, except) => {
      const set = this.sessionsByUser.get(userId) ?? new Set();
      const doomed = [...set].filter((sid) => sid !== except);
      for (const sid of doomed) set.delete(sid);
      return doomed.length;
    },
    // Sessions here have no expiry.
    purgeExpired: async () => 0,
  };

  async transaction<T>(work: (tx: TransactionRepos) => Promise<T>): Promise<T> {
    return work({ users: this.users, organisations: this.organisations, tokens: this.tokens, sessions: this.sessions, lock: async (name) => void this.locks.push(name) });
  }
}

export class FakeClock implements Clock {
  constructor(public current = new Date('2026-11-24T10:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export class FakeMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failWith: Error | undefined;
  async send(email: OutgoingEmail) {
    if (this.failWith) throw this.failWith;
    this.sent.push(email);
  }
}
