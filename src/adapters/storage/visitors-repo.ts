import type { Visitor } from '../../services/conversations/types.js';
import type { VisitorRepo } from '../../services/ports.js';
import { isUuid, type Conn } from './db.js';
import { insertEmails } from './outbox-repo.js';
import type { NewEmail } from '../../services/followups/types.js';

export interface VisitorRow {
  id: string;
  email: string | null;
  name: string | null;
  language: string | null;
  created_at: Date;
  last_seen_at: Date;
  email_consent_at: Date | null;
  time_zone: string | null;
  email_verified_at: Date | null;
}

export const toVisitor = (r: VisitorRow): Visitor => ({ id: r.id, email: r.email, name: r.name, language: r.language, createdAt: r.created_at, lastSeenAt: r.last_seen_at, emailConsentAt: r.email_consent_at, timeZone: r.time_zone, emailVerifiedAt: r.email_verified_at ?? null });

export class VisitorsRepo implements VisitorRepo {
  constructor(private readonly db: Conn) {}

  async insert(visitor: { language?: string | null }) {
    const [row] = await this.db<VisitorRow>('visitors').insert({ language: visitor.language ?? null }).returning('*');
    return toVisitor(row!);
  }

  async findById(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<VisitorRow>('visitors').where({ id }).first();
    return row ? toVisitor(row) : undefined;
  }

  async confirmEmail(id: string, email: string, at: Date, emails: NewEmail[]) {
    return this.db.transaction(async (tx) => {
      const [row] = await tx<VisitorRow>('visitors').where({ id, email }).whereNull('email_verified_at').update({ email_verified_at: at }).returning('*');
      if (row) await insertEmails(tx, emails);
      return row ? toVisitor(row) : undefined;
    });
  }

  async update(id: string, patch: Partial<Pick<Visitor, 'email' | 'name' | 'language' | 'lastSeenAt' | 'emailConsentAt' | 'timeZone' | 'emailVerifiedAt'>>, opts: { emails?: NewEmail[] } = {}) {
    const changes: Partial<VisitorRow> = {};
    if (patch.email !== undefined) changes.email = patch.email;
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.language !== undefined) changes.language = patch.language;
    if (patch.lastSeenAt !== undefined) changes.last_seen_at = patch.lastSeenAt;
    if (patch.emailConsentAt !== undefined) changes.email_consent_at = patch.emailConsentAt;
    if (patch.timeZone !== undefined) changes.time_zone = patch.timeZone;
    if (patch.emailVerifiedAt !== undefined) changes.email_verified_at = patch.emailVerifiedAt;
    if (!Object.keys(changes).length && !opts.emails?.length) return this.findById(id);
    const write = async (conn: Conn) => {
      const [row] = await conn<VisitorRow>('visitors').where({ id }).update(changes).returning('*');
      if (row) await insertEmails(conn, opts.emails ?? []);
      return row ? toVisitor(row) : undefined;
    };
    return opts.emails?.length ? this.db.transaction(write) : write(this.db);
  }
}
