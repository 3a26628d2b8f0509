import type { Knex } from 'knex';
import type { EmailKind, NewEmail, OutboxEmail, OutboxStatus } from '../../services/followups/types.js';
import type { OutboxRepo as Port } from '../../services/ports.js';
import type { Conn } from './db.js';

interface Row {
  id: string;
  key: string;
  kind: EmailKind;
  conversation_id: string | null;
  to_address: string;
  subject: string;
  template: string;
  data: Record<string, unknown>;
  reply_to: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const toEmail = (r: Row): OutboxEmail => ({
  id: String(r.id),
  key: r.key,
  kind: r.kind,
  conversationId: r.conversation_id,
  to: r.to_address,
  subject: r.subject,
  template: r.template,
  data: r.data,
  replyTo: r.reply_to,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/**
 * Writes emails into the outbox on `conn`, so the caller's transaction carries them: the email
 * exists exactly when what caused it was stored. A key already there is left alone.
 */
export async function insertEmails(conn: Conn, emails: NewEmail[]): Promise<number> {
  if (!emails.length) return 0;
  const rows = emails.map((e) => ({
    key: e.key,
    kind: e.kind,
    conversation_id: e.conversationId,
    to_address: e.to,
    subject: e.subject,
    template: e.template,
    data: JSON.stringify(e.data),
    reply_to: e.replyTo ?? null,
    status: e.status ?? 'pending',
    ...(e.notBefore ? { next_attempt_at: e.notBefore } : {}),
  }));
  const inserted = await conn('outbox_emails').insert(rows).onConflict('key').ignore().returning('id');
  return inserted.length;
}

export class OutboxRepo implements Port {
  constructor(private readonly db: Knex) {}

  enqueue(emails: NewEmail[]) {
    return insertEmails(this.db, emails);
  }

  /**
   * Takes up to `limit` emails that are due, for `lockMs`: pending ones, and ones a crashed
   * sender left in "sending" past their lock. SKIP LOCKED lets two dispatchers share the work.
   */
  async claim(now: Date, limit: number, lockMs: number) {
    // `now` has milliseconds, the column microseconds: an email queued earlier in the same
    // millisecond (its default is the database's now()) would otherwise look not yet due.
    const due = this.db('outbox_emails')
      .select('id')
      .where((q) => q.where({ status: 'pending' }).andWhere('next_attempt_at', '<', new Date(now.getTime() + 1)))
      .orWhere((q) => q.where({ status: 'sending' }).andWhere('locked_until', '<', now))
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    const rows = (await this.db('outbox_emails')
      .whereIn('id', due)
      .update({ status: 'sending', locked_until: new Date(now.getTime() + lockMs) })
      .returning('*')) as Row[];
    return rows.map(toEmail);
  }

  async claimKey(key: string, now: Date, lockMs: number) {
    const [row] = (await this.db('outbox_emails')
      .where({ key, status: 'pending' })
      .update({ status: 'sending', locked_until: new Date(now.getTime() + lockMs) })
      .returning('*')) as Row[];
    return row && toEmail(row);
  }

  async markSent(id: string, at: Date) {
    await this.db('outbox_emails').where({ id }).update({ status: 'sent', sent_at: at, locked_until: null, last_error: null });
  }

  async markRetry(id: string, patch: { attempts: number; nextAttemptAt: Date; error: string }) {
    await this.db('outbox_emails').where({ id }).update({ status: 'pending', attempts: patch.attempts, next_attempt_at: patch.nextAttemptAt, last_error: patch.error, locked_until: null });
  }

  async markFailed(id: string, patch: { attempts: number; error: string }) {
    await this.db('outbox_emails').where({ id }).update({ status: 'failed', attempts: patch.attempts, last_error: patch.error, locked_until: null });
  }

  /** Held replies, oldest first, for conversations whose newest held reply is due. */
  async heldDue(now: Date, unconfirmedUntil?: Date) {
    // Replies to an address not yet confirmed wait quietly (not read every tick) until it is
    // confirmed, or until they are old enough to be dropped (`unconfirmedUntil`).
    const due = this.db('outbox_emails as o')
      .distinct('o.conversation_id')
      .join('conversations as c', 'c.id', 'o.conversation_id')
      .join('visitors as v', 'v.id', 'c.visitor_id')
      .where('o.status', 'held')
      .andWhere('o.next_attempt_at', '<=', now)
      .andWhere((q) => {
        q.whereNotNull('v.email_verified_at');
        if (unconfirmedUntil) q.orWhere('o.created_at', '<', unconfirmedUntil);
      });
    const rows = (await this.db('outbox_emails').where({ status: 'held' }).whereIn('conversation_id', due).orderBy('id')) as Row[];
    return rows.map(toEmail);
  }

  /** The held row `id` becomes the batch (pending, with its final content); the others fold into it. */
  async releaseBatch(id: string, merged: string[], content: { subject: string; data: Record<string, unknown> }) {
    await this.db.transaction(async (trx) => {
      if (merged.length) await trx('outbox_emails').whereIn('id', merged).andWhere({ status: 'held' }).update({ status: 'merged', last_error: `sent with #${id}` });
      await trx('outbox_emails').where({ id, status: 'held' }).update({ status: 'pending', subject: content.subject, data: JSON.stringify(content.data), next_attempt_at: trx.fn.now() });
    });
  }

  async skip(ids: string[], reason: string) {
    if (ids.length) await this.db('outbox_emails').whereIn('id', ids).whereIn('status', ['held', 'pending']).update({ status: 'skipped', last_error: reason });
  }

  /** Emails that failed, or that are waiting to be tried again, newest first. */
  async problems(limit: number) {
    const rows = (await this.db('outbox_emails')
      .where({ status: 'failed' })
      .orWhere((q) => q.where({ status: 'pending' }).andWhere('attempts', '>', 0))
      .orderBy('id', 'desc')
      .limit(limit)) as Row[];
    return rows.map(toEmail);
  }

  async counts() {
    const rows = (await this.db('outbox_emails').select('status').count({ n: '*' }).groupBy('status')) as { status: OutboxStatus; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<OutboxStatus, number>>;
  }

  async retry(id: string, now: Date) {
    if (!/^\d+$/.test(id)) return false;
    return (await this.db('outbox_emails').where({ id, status: 'failed' }).update({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })) > 0;
  }

  async findByKey(key: string) {
    const row = (await this.db('outbox_emails').where({ key }).first()) as Row | undefined;
    return row ? toEmail(row) : undefined;
  }
}
