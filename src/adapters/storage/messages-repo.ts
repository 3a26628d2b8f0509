import type { Knex } from 'knex';
import type { Citation } from '../../services/assistant/types.js';
import type { Author, Message, NewMessage, ReplyMeta } from '../../services/conversations/types.js';
import type { MessageRepo } from '../../services/ports.js';
import { isUuid } from './db.js';
import { insertEmails } from './outbox-repo.js';
import { recordIntegrationEvent } from './integrations-repo.js';
import type { NewEmail } from '../../services/followups/types.js';

interface MessageRow {
  id: string;
  conversation_id: string;
  author: Author;
  text: string;
  citations: Citation[];
  client_id: string | null;
  reply_to: string | null;
  meta: ReplyMeta;
  user_id: string | null;
  author_name?: string | null;
  internal: boolean;
  episode: number;
  created_at: Date;
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  author: r.author,
  text: r.text,
  citations: r.citations,
  clientId: r.client_id,
  replyTo: r.reply_to,
  meta: r.meta,
  userId: r.user_id,
  authorName: r.author_name ?? null,
  internal: r.internal,
  episode: r.episode,
  createdAt: r.created_at,
});

const PREVIEW_CHARS = 140;

export class MessagesRepo implements MessageRepo {
  constructor(private readonly db: Knex) {}

  /** Messages with their agent's name. */
  #select(conn: Knex = this.db) {
    return conn('messages as m').leftJoin('users as u', 'u.id', 'm.user_id').select('m.*', 'u.name as author_name');
  }

  async insertOnce(m: NewMessage, opts: { emails?: (message: Message) => NewEmail[] } = {}) {
    // The message, its emails and its integration event commit together (the transactional outbox).
    return this.db.transaction((trx) => this.#insertOnce(trx, m, opts.emails));
  }

  async #insertOnce(conn: Knex, m: NewMessage, emails?: (message: Message) => NewEmail[]) {
    const row = {
      conversation_id: m.conversationId,
      author: m.author,
      text: m.text,
      citations: JSON.stringify(m.citations ?? []),
      client_id: m.clientId ?? null,
      reply_to: m.replyTo ?? null,
      meta: JSON.stringify(m.meta ?? {}),
      user_id: m.userId ?? null,
      internal: m.internal ?? false,
      // The conversation's episode at the moment of writing, read in the same statement.
      episode: conn('conversations').select('episode').where({ id: m.conversationId }),
    };
    // Both unique indexes are partial, so ON CONFLICT names no target: any duplicate is a no-op.
    const [inserted] = (await conn('messages').insert(row).onConflict().ignore().returning('*')) as MessageRow[];
    if (inserted) {
      if (!inserted.internal) await this.#touchConversation(conn, inserted);
      const message = await this.#withName(conn, inserted);
      if (emails) await insertEmails(conn, emails(message));
      await recordIntegrationEvent(conn, { type: 'message.created', conversationId: message.conversationId, messageId: message.id });
      return { message, created: true };
    }
    const existing = (await (m.replyTo
      ? this.#select(conn).where('m.reply_to', m.replyTo).first()
      : this.#select(conn).where({ 'm.conversation_id': m.conversationId, 'm.client_id': m.clientId ?? null }).first())) as MessageRow | undefined;
    if (!existing) throw new Error('message insert was ignored but no duplicate was found');
    return { message: toMessage(existing), created: false };
  }

  /**
   * The conversation row keeps a copy of its last message, so queues list without reading
   * messages. The preview is the last thing a person wrote: what the visitor needs, or what the
   * team told them, not the AI's or Baton's notices.
   */
  async #touchConversation(conn: Knex, m: MessageRow): Promise<void> {
    const byPerson = m.author === 'visitor' || m.author === 'agent';
    await conn('conversations')
      .where({ id: m.conversation_id })
      .update({
        last_message_at: m.created_at,
        ...(byPerson ? { last_message_author: m.author, last_message_preview: m.text.replace(/\s+/g, ' ').slice(0, PREVIEW_CHARS) } : {}),
        ...(m.author === 'visitor' ? { last_visitor_message_at: m.created_at } : {}),
        updated_at: m.created_at,
      });
  }

  async #withName(conn: Knex, row: MessageRow): Promise<Message> {
    if (!row.user_id) return toMessage(row);
    const user = (await conn('users').where({ id: row.user_id }).first('name')) as { name: string } | undefined;
    return toMessage({ ...row, author_name: user?.name ?? null });
  }

  async findById(id: string) {
    if (!isUuid(id)) return undefined;
    const row = (await this.#select().where('m.id', id).first()) as MessageRow | undefined;
    return row ? toMessage(row) : undefined;
  }

  async listForConversation(conversationId: string, opts: { internal?: boolean } = {}) {
    const q = this.#select().where('m.conversation_id', conversationId);
    if (!opts.internal) q.where('m.internal', false);
    const rows = (await q.orderBy([{ column: 'm.created_at' }, { column: 'm.id' }])) as MessageRow[];
    return rows.map(toMessage);
  }

  async recent(conversationId: string, limit: number, opts: { before?: Date; episode: number }) {
    const q = this.#select().where({ 'm.conversation_id': conversationId, 'm.episode': opts.episode, 'm.internal': false });
    if (opts.before) q.where('m.created_at', '<', opts.before);
    const rows = (await q.orderBy([{ column: 'm.created_at', order: 'desc' }, { column: 'm.id', order: 'desc' }]).limit(limit)) as MessageRow[];
    return rows.reverse().map(toMessage);
  }

  async replyTo(messageId: string) {
    // The visible reply only: a draft for the agent also answers the message, internally.
    const row = (await this.#select().where('m.reply_to', messageId).where('m.internal', false).first()) as MessageRow | undefined;
    return row ? toMessage(row) : undefined;
  }
}
