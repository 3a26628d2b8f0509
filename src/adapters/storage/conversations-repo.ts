import { HANDOFF_WAITS, WAIT_MINUTES } from './handoff-waits.js';
import type { Knex } from 'knex';
import type { Author, Conversation, ConversationEvent, ConversationStatus, InboxFilter, InboxItem, QueueCounts } from '../../services/conversations/types.js';
import type { TransitionName } from '../../services/conversations/lifecycle.js';
import type { ConversationPatch, ConversationRepo, ConversationTransition } from '../../services/ports.js';
import { isUuid } from './db.js';
import { insertEmails } from './outbox-repo.js';
import { recordIntegrationEvent } from './integrations-repo.js';

interface ConversationRow {
  id: string;
  visitor_id: string;
  status: ConversationStatus;
  language: string | null;
  page_url: string | null;
  handoff: Conversation['handoff'];
  tokens_used: number;
  assigned_to: string | null;
  episode: number;
  queued_at: Date | null;
  assigned_at: Date | null;
  resolved_at: Date | null;
  last_message_at: Date;
  last_message_author: Author | null;
  last_message_preview: string | null;
  last_visitor_message_at: Date | null;
  summary: string | null;
  created_at: Date;
  updated_at: Date;
}

interface EventRow {
  id: string | number;
  conversation_id: string;
  episode: number;
  type: TransitionName;
  from_status: ConversationStatus;
  to_status: ConversationStatus;
  actor_id: string | null;
  actor_name?: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  visitorId: r.visitor_id,
  status: r.status,
  language: r.language,
  pageUrl: r.page_url,
  handoff: r.handoff,
  tokensUsed: r.tokens_used,
  assignedTo: r.assigned_to,
  episode: r.episode,
  queuedAt: r.queued_at,
  assignedAt: r.assigned_at,
  resolvedAt: r.resolved_at,
  lastMessageAt: r.last_message_at,
  lastMessageAuthor: r.last_message_author,
  lastMessagePreview: r.last_message_preview,
  lastVisitorMessageAt: r.last_visitor_message_at,
  summary: r.summary,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toEvent = (r: EventRow): ConversationEvent => ({
  id: String(r.id),
  conversationId: r.conversation_id,
  episode: r.episode,
  type: r.type,
  from: r.from_status,
  to: r.to_status,
  actorId: r.actor_id,
  actorName: r.actor_name ?? null,
  data: r.data,
  createdAt: r.created_at,
});

const COLUMNS: Record<Exclude<keyof ConversationPatch, 'nextEpisode' | 'handoff'>, string> = {
  assignedTo: 'assigned_to',
  queuedAt: 'queued_at',
  assignedAt: 'assigned_at',
  resolvedAt: 'resolved_at',
};

export class ConversationsRepo implements ConversationRepo {
  constructor(private readonly db: Knex) {}

  async insert(c: { visitorId: string; language: string | null; pageUrl: string | null }) {
    return this.db.transaction(async (trx) => {
      const [row] = await trx<ConversationRow>('conversations').insert({ visitor_id: c.visitorId, language: c.language, page_url: c.pageUrl }).returning('*');
      await recordIntegrationEvent(trx, { type: 'conversation.created', conversationId: row!.id });
      return toConversation(row!);
    });
  }

  async anyFromOtherSite(ownOrigin: string) {
    const row = await this.db('conversations').whereNotNull('page_url').andWhereRaw("page_url not like ? escape '\\'", [`${escapeLike(ownOrigin)}/%`]).first(this.db.raw('1 as found'));
    return !!row;
  }

  async findById(id: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<ConversationRow>('conversations').where({ id }).first();
    return row ? toConversation(row) : undefined;
  }

  async findForVisitor(id: string, visitorId: string) {
    if (!isUuid(id)) return undefined;
    const row = await this.db<ConversationRow>('conversations').where({ id, visitor_id: visitorId }).first();
    return row ? toConversation(row) : undefined;
  }

  async latestForVisitor(visitorId: string) {
    const row = await this.db<ConversationRow>('conversations').where({ visitor_id: visitorId }).orderBy('created_at', 'desc').first();
    return row ? toConversation(row) : undefined;
  }

  async setSummary(id: string, summary: string) {
    await this.db('conversations').where({ id }).update({ summary });
  }

  async addTokens(id: string, tokens: number) {
    await this.db('conversations').where({ id }).update({ tokens_used: this.db.raw('tokens_used + ?', [tokens]), updated_at: this.db.fn.now() });
  }

  async transition(id: string, t: ConversationTransition) {
    if (!isUuid(id)) return undefined;
    return this.db.transaction(async (trx) => {
      // The row lock is what makes two simultaneous claims produce one owner: the second waits
      // here, then reads the status the first one set and changes nothing.
      const current = await trx<ConversationRow>('conversations').where({ id }).forUpdate().first();
      if (!current || !t.from.includes(current.status)) return undefined;
      if (t.expectAssignedTo !== undefined && current.assigned_to !== t.expectAssignedTo) return undefined;

      const update: Record<string, unknown> = { status: t.to, updated_at: t.at };
      for (const [key, column] of Object.entries(COLUMNS)) {
        const value = t.patch[key as keyof typeof COLUMNS];
        if (value !== undefined) update[column] = value;
      }
      if (t.patch.handoff !== undefined) update.handoff = t.patch.handoff === null ? null : JSON.stringify(t.patch.handoff);
      if (t.patch.nextEpisode) update.episode = current.episode + 1;
      const [row] = (await trx('conversations').where({ id }).update(update).returning('*')) as ConversationRow[];
      const [event] = (await trx('conversation_events')
        .insert({
          conversation_id: id,
          episode: row!.episode,
          type: t.name,
          from_status: current.status,
          to_status: t.to,
          actor_id: t.actorId,
          data: JSON.stringify(t.data ?? {}),
          created_at: t.at,
        })
        .returning('*')) as EventRow[];
      await insertEmails(trx, t.emails ?? []);
      await recordIntegrationEvent(trx, { type: 'conversation.transitioned', conversationId: id, transition: t.name, conversationEventId: String(event!.id) });
      return { conversation: toConversation(row!), event: toEvent(event!) };
    });
  }

  async firstResponse(since: Date) {
    const result = await this.db.raw(`select percentile_cont(0.5) within group (order by ${WAIT_MINUTES}) as median, count(*)::int as samples ${HANDOFF_WAITS}`, [since, 'infinity']);
    const row = result.rows[0] as { median: number | null; samples: number };
    return { medianMinutes: row.median === null ? null : Number(row.median), samples: row.samples };
  }

  async waitingSince(before: Date, limit: number) {
    const rows = (await this.db<ConversationRow>('conversations').where({ status: 'queued' }).andWhere('queued_at', '<', before).orderBy('queued_at').limit(limit)) as ConversationRow[];
    return rows.map(toConversation);
  }

  async events(conversationId: string) {
    const rows = (await this.db('conversation_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .where('e.conversation_id', conversationId)
      .orderBy('e.id')
      .select('e.*', 'u.name as actor_name')) as EventRow[];
    return rows.map(toEvent);
  }

  async list(f: InboxFilter): Promise<InboxItem[]> {
    const q = this.db('conversations as c')
      .leftJoin('visitors as v', 'v.id', 'c.visitor_id')
      .leftJoin('users as u', 'u.id', 'c.assigned_to')
      .leftJoin('conversation_reads as r', function () {
        this.on('r.conversation_id', '=', 'c.id').andOnVal('r.user_id', '=', f.userId);
      })
      .select('c.*', 'v.name as visitor_name', 'v.email as visitor_email', 'u.name as assignee_name', 'r.read_at');
    switch (f.queue) {
      case 'waiting':
        q.where('c.status', 'queued').orderBy([{ column: 'c.queued_at', order: 'asc' }, { column: 'c.id' }]);
        break;
      case 'mine':
        q.where({ 'c.status': 'assigned', 'c.assigned_to': f.userId }).orderBy([{ column: 'c.last_message_at', order: 'desc' }, { column: 'c.id' }]);
        break;
      case 'unassigned':
        q.whereIn('c.status', ['bot', 'queued']).orderBy([{ column: 'c.last_message_at', order: 'desc' }, { column: 'c.id' }]);
        break;
      case 'open':
        q.whereNot('c.status', 'resolved').orderBy([{ column: 'c.last_message_at', order: 'desc' }, { column: 'c.id' }]);
        break;
      case 'resolved':
        q.where('c.status', 'resolved').orderBy([{ column: 'c.resolved_at', order: 'desc' }, { column: 'c.id' }]);
        break;
      default:
        q.orderBy([{ column: 'c.last_message_at', order: 'desc' }, { column: 'c.id' }]);
    }
    if (f.reason) q.whereRaw("c.handoff->>'reason' = ?", [f.reason]);
    const search = f.search?.trim();
    if (search) {
      q.where((w) => {
        w.whereExists(
          this.db('messages as m').select(this.db.raw('1')).whereRaw('m.conversation_id = c.id').whereRaw("to_tsvector('simple', m.text) @@ websearch_to_tsquery('simple', ?)", [search]),
        )
          .orWhereRaw('v.email ilike ?', [`%${escapeLike(search)}%`])
          .orWhereRaw('v.name ilike ?', [`%${escapeLike(search)}%`]);
      });
    }
    const rows = (await q.limit(f.limit).offset(f.offset)) as (ConversationRow & { visitor_name: string | null; visitor_email: string | null; assignee_name: string | null; read_at: Date | null })[];
    return rows.map((r) => ({
      conversation: toConversation(r),
      visitorName: r.visitor_name,
      visitorEmail: r.visitor_email,
      assigneeName: r.assignee_name,
      unread: !!r.last_visitor_message_at && (!r.read_at || r.read_at < r.last_visitor_message_at),
    }));
  }

  async counts(userId: string): Promise<QueueCounts> {
    const { rows } = await this.db.raw<{ rows: QueueCounts[] }>(
      `select count(*) filter (where c.status = 'queued') as waiting,
              count(*) filter (where c.status = 'assigned' and c.assigned_to = :userId) as mine,
              count(*) filter (where c.status in ('bot', 'queued')) as unassigned,
              count(*) filter (where c.status <> 'resolved') as open,
              count(*) filter (where c.status = 'resolved') as resolved,
              count(*) filter (where c.status in ('queued', 'assigned') and (c.assigned_to is null or c.assigned_to = :userId)
                                 and c.last_visitor_message_at > coalesce(r.read_at, '-infinity')) as unread
         from conversations c
         left join conversation_reads r on r.conversation_id = c.id and r.user_id = :userId`,
      { userId },
    );
    return rows[0]!;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
