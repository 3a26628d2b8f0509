import type { Conversation, ConversationStatus } from '../../services/conversations/types.js';
import type { ConversationRepo } from '../../services/ports.js';
import { isUuid, type Conn } from './db.js';

interface ConversationRow {
  id: string;
  visitor_id: string;
  status: ConversationStatus;
  language: string | null;
  page_url: string | null;
  handoff: Conversation['handoff'];
  tokens_used: number;
  created_at: Date;
  updated_at: Date;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  visitorId: r.visitor_id,
  status: r.status,
  language: r.language,
  pageUrl: r.page_url,
  handoff: r.handoff,
  tokensUsed: r.tokens_used,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class ConversationsRepo implements ConversationRepo {
  constructor(private readonly db: Conn) {}

  async insert(c: { visitorId: string; language: string | null; pageUrl: string | null }) {
    const [row] = await this.db<ConversationRow>('conversations').insert({ visitor_id: c.visitorId, language: c.language, page_url: c.pageUrl }).returning('*');
    return toConversation(row!);
  }

  async findForVisitor(id: string, visitorId: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<ConversationRow>('conversations').where({ id, visitor_id: visitorId }).first();
    return row ? toConversation(row) : undefined;
  }

  async latestOpenForVisitor(visitorId: string) {
    const row = await this.db<ConversationRow>('conversations')
      .where({ visitor_id: visitorId })
      .whereNot({ status: 'resolved' })
      .orderBy('created_at', 'desc')
      .first();
    return row ? toConversation(row) : undefined;
  }

  async addTokens(id: string, tokens: number) {
    await this.db('conversations').where({ id }).update({ tokens_used: this.db.raw('tokens_used + ?', [tokens]), updated_at: this.db.fn.now() });
  }

  async requestHandoff(id: string, handoff: NonNullable<Conversation['handoff']>) {
    const [row] = (await this.db('conversations')
      .where({ id })
      .update({
        handoff: JSON.stringify(handoff),
        status: this.db.raw("case when status = 'bot' then 'queued' else status end"),
        updated_at: this.db.fn.now(),
      })
      .returning('*')) as ConversationRow[];
    return row ? toConversation(row) : undefined;
  }
}
