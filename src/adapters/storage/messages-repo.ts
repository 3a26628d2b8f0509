import type { Citation } from '../../services/assistant/types.js';
import type { Author, Message, NewMessage, ReplyMeta } from '../../services/conversations/types.js';
import type { MessageRepo } from '../../services/ports.js';
import type { Conn } from './db.js';

interface MessageRow {
  id: string;
  conversation_id: string;
  author: Author;
  text: string;
  citations: Citation[];
  client_id: string | null;
  reply_to: string | null;
  meta: ReplyMeta;
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
  createdAt: r.created_at,
});

export class MessagesRepo implements MessageRepo {
  constructor(private readonly db: Conn) {}

  async insertOnce(m: NewMessage) {
    const row = {
      conversation_id: m.conversationId,
      author: m.author,
      text: m.text,
      citations: JSON.stringify(m.citations ?? []),
      client_id: m.clientId ?? null,
      reply_to: m.replyTo ?? null,
      meta: JSON.stringify(m.meta ?? {}),
    };
    // Both unique indexes are partial, so ON CONFLICT names no target: any duplicate is a no-op.
    const [inserted] = (await this.db('messages').insert(row).onConflict().ignore().returning('*')) as MessageRow[];
    if (inserted) return { message: toMessage(inserted), created: true };
    const existing = m.replyTo
      ? await this.db<MessageRow>('messages').where({ reply_to: m.replyTo }).first()
      : await this.db<MessageRow>('messages').where({ conversation_id: m.conversationId, client_id: m.clientId ?? null }).first();
    if (!existing) throw new Error('message insert was ignored but no duplicate was found');
    return { message: toMessage(existing), created: false };
  }

  async listForConversation(conversationId: string) {
    const rows = await this.db<MessageRow>('messages').where({ conversation_id: conversationId }).orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(toMessage);
  }

  async recent(conversationId: string, limit: number, before?: Date) {
    const q = this.db<MessageRow>('messages').where({ conversation_id: conversationId });
    if (before) q.where('created_at', '<', before);
    const rows = await q.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit);
    return rows.reverse().map(toMessage);
  }

  async replyTo(messageId: string) {
    const row = await this.db<MessageRow>('messages').where({ reply_to: messageId }).first();
    return row ? toMessage(row) : undefined;
  }
}
