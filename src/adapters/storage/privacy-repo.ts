import type { Knex } from 'knex';
import type { Visitor } from '../../services/conversations/types.js';
import type { PrivacyRepo } from '../../services/ports.js';
import { DEFAULT_PRIVACY_SETTINGS, type ExportedConversation, type ExportedMessage, type PrivacySettings } from '../../services/privacy/types.js';
import { toVisitor, type VisitorRow } from './visitors-repo.js';
import { dropDeliveriesForVisitors } from './integrations-repo.js';

interface SettingsRow {
  conversation_days: number | null;
  visitor_data_days: number | null;
  email_record_days: number | null;
  llm_history: boolean;
}

/** Emails whose sending is still ahead: dropped with the data they would have carried. */
const QUEUED = ['held', 'pending'];
/** Emails that are history: kept only as long as email records are. */
const FINISHED = ['sent', 'failed', 'merged', 'skipped'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// The rows an export reads, as Postgres returns them.
interface ConversationRow { id: string; status: string; language: string | null; page_url: string | null; created_at: Date; last_message_at: Date }
interface MessageRow { id: string; conversation_id: string; author: ExportedMessage['author']; author_name: string | null; text: string; internal: boolean; citations: { title: string; url: string }[]; created_at: Date }
interface EventRow { conversation_id: string; type: string; from_status: string; to_status: string; data: Record<string, unknown>; created_at: Date }
interface AnswerRatingRow { conversation_id: string; message_id: string; helpful: boolean; updated_at: Date }
interface ConversationRatingRow { conversation_id: string; episode: number; score: number; comment: string | null; updated_at: Date }
interface EmailRow { kind: string; to_address: string; subject: string; status: string; created_at: Date; sent_at: Date | null }
interface SnippetRow { id: string; name: string; settings: { answer?: string } | null }

export class PrivacyStorage implements PrivacyRepo {
  constructor(private readonly db: Knex) {}

  async settings(): Promise<PrivacySettings> {
    const row = (await this.db('privacy_settings').first()) as SettingsRow | undefined;
    if (!row) return DEFAULT_PRIVACY_SETTINGS;
    return { conversationDays: row.conversation_days, visitorDataDays: row.visitor_data_days, emailRecordDays: row.email_record_days, llmHistory: row.llm_history };
  }

  async saveSettings(s: PrivacySettings) {
    const values = { id: true, conversation_days: s.conversationDays, visitor_data_days: s.visitorDataDays, email_record_days: s.emailRecordDays, llm_history: s.llmHistory, updated_at: this.db.fn.now() };
    await this.db('privacy_settings').insert(values).onConflict('id').merge();
  }

  async visitorsByEmail(email: string): Promise<Visitor[]> {
    const rows = (await this.db('visitors').whereRaw('lower(email) = lower(?)', [email]).orderBy('created_at')) as VisitorRow[];
    return rows.map(toVisitor);
  }

  async conversationIdsOf(visitorIds: string[]) {
    if (!visitorIds.length) return [];
    return (await this.db('conversations').whereIn('visitor_id', visitorIds).orderBy('created_at').pluck('id')) as string[];
  }

  /** Emails to the address, or about one of the conversations. */
  #emailsTo(conn: Knex, conversationIds: string[], email: string) {
    return conn('outbox_emails').where((w) => {
      void w.whereRaw('lower(to_address) = lower(?)', [email]);
      if (conversationIds.length) void w.orWhereIn('conversation_id', conversationIds);
    });
  }

  async #messageCount(conn: Knex, conversationIds: string[]): Promise<number> {
    if (!conversationIds.length) return 0;
    return Number((await conn('messages').whereIn('conversation_id', conversationIds).count<{ count: string }[]>('* as count'))[0]?.count ?? 0);
  }

  async visitorFootprint(conversationIds: string[], email: string) {
    const emails = (await this.#emailsTo(this.db, conversationIds, email).count<{ count: string }[]>('* as count'))[0]?.count ?? 0;
    return { conversations: conversationIds.length, messages: await this.#messageCount(this.db, conversationIds), emails: Number(emails) };
  }

  async derivedSources(conversationIds: string[]) {
    if (!conversationIds.length) return [];
    return (await this.db('knowledge_fixes as f')
      .join('sources as s', 's.id', 'f.source_id')
      .whereIn('f.conversation_id', conversationIds)
      .distinct('s.id', 's.name')
      .orderBy('s.name')) as { id: string; name: string }[];
  }

  async visitorData(ids: string[], email: string) {
    const [conversations, messages, events, answers, csat, emails, knowledge] = await Promise.all([
      ids.length ? this.db('conversations').whereIn('id', ids).orderBy('created_at') : [],
      ids.length
        ? this.db('messages as m').leftJoin('users as u', 'u.id', 'm.user_id').whereIn('m.conversation_id', ids).orderBy('m.created_at').select('m.*', 'u.name as author_name')
        : [],
      ids.length ? this.db('conversation_events').whereIn('conversation_id', ids).orderBy('id') : [],
      ids.length ? this.db('answer_ratings').whereIn('conversation_id', ids).orderBy('created_at') : [],
      ids.length ? this.db('conversation_ratings').whereIn('conversation_id', ids).orderBy('created_at') : [],
      this.#emailsTo(this.db, ids, email).orderBy('created_at'),
      ids.length
        ? this.db('knowledge_fixes as f').join('sources as s', 's.id', 'f.source_id').whereIn('f.conversation_id', ids).distinct('s.id', 's.name', 's.settings')
        : [],
    ]);
    const byConversation = new Map<string, ExportedConversation>();
    for (const c of conversations as ConversationRow[]) {
      byConversation.set(c.id, {
        id: c.id,
        status: c.status,
        language: c.language,
        pageUrl: c.page_url,
        createdAt: iso(c.created_at)!,
        lastMessageAt: iso(c.last_message_at)!,
        messages: [],
        events: [],
        answerRatings: [],
        satisfaction: [],
      });
    }
    for (const m of messages as MessageRow[]) {
      byConversation.get(m.conversation_id)?.messages.push({
        id: m.id,
        author: m.author,
        authorName: m.author_name ?? null,
        text: m.text,
        shownToVisitor: !m.internal,
        citations: m.citations.map((c) => ({ title: c.title, url: c.url })),
        createdAt: iso(m.created_at)!,
      });
    }
    for (const e of events as EventRow[]) byConversation.get(e.conversation_id)?.events.push({ type: e.type, from: e.from_status, to: e.to_status, data: e.data, at: iso(e.created_at)! });
    for (const r of answers as AnswerRatingRow[]) byConversation.get(r.conversation_id)?.answerRatings.push({ messageId: r.message_id, helpful: r.helpful, at: iso(r.updated_at)! });
    for (const r of csat as ConversationRatingRow[]) byConversation.get(r.conversation_id)?.satisfaction.push({ episode: r.episode, score: r.score, comment: r.comment, at: iso(r.updated_at)! });
    return {
      conversations: [...byConversation.values()],
      emails: (emails as EmailRow[]).map((e) => ({ kind: e.kind, to: e.to_address, subject: e.subject, status: e.status, createdAt: iso(e.created_at)!, sentAt: iso(e.sent_at) })),
      knowledge: (knowledge as SnippetRow[]).map((k) => ({ sourceId: k.id, question: k.name, answer: String(k.settings?.answer ?? '') })),
    };
  }

  async eraseVisitors(visitorIds: string[], email: string) {
    return this.db.transaction(async (trx) => {
      // Read again inside the transaction: a conversation started since the caller looked goes too.
      const ids = visitorIds.length ? ((await trx('conversations').whereIn('visitor_id', visitorIds).pluck('id')) as string[]) : [];
      const emails = await this.#emailsTo(trx, ids, email).delete();
      const { conversations, messages } = await this.#dropConversations(trx, ids);
      const visitors = visitorIds.length ? await trx('visitors').whereIn('id', visitorIds).delete() : 0;
      return { visitors, conversations, messages, emails };
    });
  }

  async staleConversations(before: Date, limit: number) {
    return (await this.db('conversations').where('last_message_at', '<', before).orderBy('last_message_at').limit(limit).pluck('id')) as string[];
  }

  deleteConversations(ids: string[]) {
    return this.db.transaction((trx) => this.#dropConversations(trx, ids));
  }

  /**
   * Deletes conversations with everything hanging off them (messages, events, ratings, reads and
   * emails cascade); a fix's question is the visitor's own words, so the fixes go too (their
   * snippets were deleted through the index first).
   */
  async #dropConversations(trx: Knex.Transaction, ids: string[]): Promise<{ conversations: number; messages: number }> {
    if (!ids.length) return { conversations: 0, messages: 0 };
    const messages = await this.#messageCount(trx, ids);
    await trx('knowledge_fixes').whereIn('conversation_id', ids).delete();
    const conversations = await trx('conversations').whereIn('id', ids).delete();
    return { conversations, messages };
  }

  async forgetVisitors(before: Date) {
    return this.db.transaction(async (trx) => {
      const gone = trx('visitors').where('last_seen_at', '<', before);
      const queuedEmails = await trx('outbox_emails')
        .whereIn('status', QUEUED)
        .whereIn('conversation_id', trx('conversations').select('id').whereIn('visitor_id', gone.clone().select('id')))
        .delete();
      // Payloads already written for integrations name these visitors: they go too.
      await dropDeliveriesForVisitors(trx, gone.clone().select('id'));
      const visitorsDeleted = await gone
        .clone()
        .whereNotExists(trx('conversations').select(trx.raw('1')).whereRaw('conversations.visitor_id = visitors.id'))
        .delete();
      const visitorsAnonymised = await gone
        .clone()
        .where((w) => void w.whereNotNull('email').orWhereNotNull('name').orWhereNotNull('time_zone').orWhereNotNull('email_consent_at'))
        .update({ email: null, name: null, time_zone: null, email_consent_at: null });
      return { visitorsDeleted, visitorsAnonymised, queuedEmails };
    });
  }

  async deleteEmailRecords(before: Date) {
    return this.db('outbox_emails').whereIn('status', FINISHED).where('created_at', '<', before).delete();
  }
}
