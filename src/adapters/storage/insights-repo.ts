import type { Knex } from 'knex';
import { pgSearchConfig } from '../../lib/language.js';
import { HANDOFF_WAITS, WAIT_MINUTES } from './handoff-waits.js';
import type { InsightsRepo } from '../../services/ports.js';
import { emptyBucket, type EscalationRecord, type KnowledgeFix, type MetricsBucket, type Period } from '../../services/insights/types.js';
import type { TriggerKind } from '../../services/assistant/triggers/triggers.js';
import type { ReplyMeta } from '../../services/conversations/types.js';

interface EscalationRow {
  conversation_id: string;
  episode: number;
  created_at: Date;
  data: { reason?: TriggerKind; evidence?: string; detail?: string };
  language: string | null;
  visitor_messages: { id: string; text: string }[] | null;
  answer_meta: ReplyMeta | null;
  agent_reply: { id: string; text: string; author_name: string | null; created_at: string } | null;
}

interface FixRow {
  id: string;
  source_id: string | null;
  source_name: string | null;
  question: string;
  terms: string[];
  conversation_id: string | null;
  message_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const toFix = (r: FixRow): KnowledgeFix => ({
  id: r.id,
  sourceId: r.source_id,
  sourceName: r.source_name,
  question: r.question,
  terms: r.terms,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
});

/** How many visitor messages before a handoff are read to find the question. */
const QUESTIONS_PER_ESCALATION = 4;

// Each resolution's time since its episode began: one definition for the chart and the totals
// (handoff waits are defined beside the promise's median, in handoff-waits.ts).
const RESOLUTION_MINUTES = 'extract(epoch from (e.created_at - r.at)) / 60';
const RESOLUTIONS = `from conversation_events e
  join lateral (select min(m.created_at) as at from messages m
                 where m.conversation_id = e.conversation_id and m.episode = e.episode) r on r.at is not null
  where e.type = 'resolve' and e.created_at >= ? and e.created_at < ?`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** What the insights page reads: handoffs with their context, saved fixes, and the metrics. */
export class InsightsRepository implements InsightsRepo {
  constructor(private readonly db: Knex) {}

  async escalations(from: Date, to: Date, limit: number): Promise<EscalationRecord[]> {
    const { rows } = await this.db.raw<{ rows: EscalationRow[] }>(
      `select e.conversation_id, e.episode, e.created_at, e.data, c.language,
         (select json_agg(json_build_object('id', v.id, 'text', v.text) order by v.created_at desc) from (
            select m.id, m.text, m.created_at from messages m
             where m.conversation_id = e.conversation_id and m.episode = e.episode and m.author = 'visitor'
               and m.created_at <= e.created_at
             order by m.created_at desc limit ${QUESTIONS_PER_ESCALATION}) v) as visitor_messages,
         (select m.meta from messages m
           where m.conversation_id = e.conversation_id and m.episode = e.episode and m.author = 'assistant'
             and m.internal = false and jsonb_typeof(m.meta->'handoff') = 'object' and m.created_at <= e.created_at
           order by m.created_at desc limit 1) as answer_meta,
         (select json_build_object('id', m.id, 'text', m.text, 'author_name', u.name, 'created_at', m.created_at) from messages m
            left join users u on u.id = m.user_id
           where m.conversation_id = e.conversation_id and m.episode = e.episode and m.author = 'agent'
             and m.internal = false and m.created_at >= e.created_at
           order by m.created_at limit 1) as agent_reply
       from conversation_events e join conversations c on c.id = e.conversation_id
       where e.type = 'hand_off' and e.created_at >= ? and e.created_at < ?
       order by e.created_at desc limit ?`,
      [from, to, limit],
    );
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      episode: r.episode,
      at: r.created_at,
      reason: r.data.reason ?? 'person_request',
      evidence: r.data.evidence ?? '',
      detail: r.data.detail ?? null,
      language: r.language,
      visitorMessages: r.visitor_messages ?? [],
      answer: r.answer_meta ? { retrieved: r.answer_meta.retrieved ?? [], searched: r.answer_meta.searched ?? [], confidence: r.answer_meta.confidence ?? null, mode: r.answer_meta.mode ?? null } : null,
      agentReply: r.agent_reply ? { messageId: r.agent_reply.id, text: r.agent_reply.text, authorName: r.agent_reply.author_name, at: new Date(r.agent_reply.created_at) } : null,
    }));
  }

  async lexemes(items: { text: string; languages: string[] }[]): Promise<string[][]> {
    const rows = items.flatMap((item, i) => [...new Set(item.languages.map(pgSearchConfig))].map((config) => ({ i, text: item.text, config })));
    const out: string[][] = items.map(() => []);
    if (!rows.length) return out;
    // Postgres's own stemmers, one per language, as the search index uses them.
    const result = await this.db.raw<{ rows: { i: number; lexemes: string[] }[] }>(
      `select x.i, tsvector_to_array(to_tsvector(x.config::regconfig, x.text)) as lexemes
         from unnest(?::int[], ?::text[], ?::text[]) as x(i, text, config)`,
      [rows.map((r) => r.i), rows.map((r) => r.text), rows.map((r) => r.config)],
    );
    const sets = items.map(() => new Set<string>());
    for (const r of result.rows) for (const l of r.lexemes) sets[r.i]!.add(l);
    return sets.map((set) => [...set].sort());
  }

  async fixes(): Promise<KnowledgeFix[]> {
    const rows = (await this.db('knowledge_fixes as f')
      .leftJoin('sources as s', 's.id', 'f.source_id')
      .leftJoin('users as u', 'u.id', 'f.created_by')
      .select('f.*', 's.name as source_name', 'u.name as created_by_name')
      .orderBy('f.created_at', 'desc')
      .limit(1000)) as FixRow[];
    return rows.map(toFix);
  }

  async insertFix(fix: Omit<KnowledgeFix, 'id' | 'sourceName' | 'createdByName'>): Promise<void> {
    await this.db('knowledge_fixes').insert({
      source_id: fix.sourceId,
      question: fix.question,
      terms: fix.terms,
      conversation_id: fix.conversationId,
      message_id: fix.messageId,
      created_by: fix.createdBy,
      created_at: fix.createdAt,
    });
  }

  async citedSince(sources: { sourceId: string; since: Date }[]): Promise<Map<string, number>> {
    if (!sources.length) return new Map();
    const { rows } = await this.db.raw<{ rows: { source_id: string; n: number }[] }>(
      `select s.source_id, (select count(*)::int from messages m
          where m.author = 'assistant' and m.internal = false and m.created_at >= s.since
            and m.meta->'retrieved' @> jsonb_build_array(jsonb_build_object('sourceId', s.source_id::text, 'cited', true))) as n
         from unnest(?::uuid[], ?::timestamptz[]) as s(source_id, since)`,
      [sources.map((s) => s.sourceId), sources.map((s) => s.since)],
    );
    return new Map(rows.map((r) => [r.source_id, r.n]));
  }

  /**
   * Each day or week of the period that had anything, in the organisation's time zone. Every
   * figure is bucketed by when its own event happened: a conversation by its start, a handoff's
   * wait by the handoff, a resolution by the resolving.
   */
  async metrics(p: Period): Promise<MetricsBucket[]> {
    const bucket = (column: string) => `to_char(date_trunc('${p.interval === 'week' ? 'week' : 'day'}', ${column} at time zone ?), 'YYYY-MM-DD')`;
    const range = [p.timeZone, p.from, p.to];
    const conversations = await this.db.raw<{ rows: { start: string; reason: TriggerKind | null; conversations: number; ai_alone: number }[] }>(
      `select ${bucket('c.created_at')} as start, h.reason, count(*)::int as conversations,
              count(*) filter (where h.reason is null and not x.human and x.answered)::int as ai_alone
         from conversations c
         left join lateral (select e.data->>'reason' as reason from conversation_events e
                             where e.conversation_id = c.id and e.type = 'hand_off' order by e.id limit 1) h on true
         cross join lateral (select
             exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type in ('claim', 'assign'))
               or exists (select 1 from messages m where m.conversation_id = c.id and m.author = 'agent') as human,
             exists (select 1 from messages m where m.conversation_id = c.id and m.author = 'assistant' and m.internal = false
               and m.meta->>'mode' in ('llm', 'extractive')) as answered) x
        where c.created_at >= ? and c.created_at < ?
        group by 1, 2`,
      range,
    );
    const firstResponse = await this.db.raw<{ rows: { start: string; median: number | null }[] }>(
      `select ${bucket('e.created_at')} as start, percentile_cont(0.5) within group (order by ${WAIT_MINUTES}) as median ${HANDOFF_WAITS} group by 1`,
      range,
    );
    const resolution = await this.db.raw<{ rows: { start: string; median: number | null }[] }>(
      `select ${bucket('e.created_at')} as start, percentile_cont(0.5) within group (order by ${RESOLUTION_MINUTES}) as median ${RESOLUTIONS} group by 1`,
      range,
    );
    const csat = await this.db.raw<{ rows: { start: string; n: number; satisfied: number; average: number | null }[] }>(
      `select ${bucket('r.created_at')} as start, count(*)::int as n, count(*) filter (where r.score >= 4)::int as satisfied, avg(r.score) as average
         from conversation_ratings r where r.created_at >= ? and r.created_at < ? group by 1`,
      range,
    );
    const answers = await this.db.raw<{ rows: { start: string; helpful: number; unhelpful: number }[] }>(
      `select ${bucket('r.created_at')} as start, count(*) filter (where r.helpful)::int as helpful, count(*) filter (where not r.helpful)::int as unhelpful
         from answer_ratings r where r.created_at >= ? and r.created_at < ? group by 1`,
      range,
    );

    const buckets = new Map<string, MetricsBucket>();
    const at = (start: string) => {
      let b = buckets.get(start);
      if (!b) {
        b = emptyBucket(start);
        buckets.set(start, b);
      }
      return b;
    };
    for (const r of conversations.rows) {
      const b = at(r.start);
      b.conversations += r.conversations;
      b.aiAlone += r.ai_alone;
      if (r.reason) {
        b.handoffs[r.reason] = (b.handoffs[r.reason] ?? 0) + r.conversations;
        b.handedOff += r.conversations;
      }
    }
    for (const r of firstResponse.rows) at(r.start).firstResponseMinutes = num(r.median);
    for (const r of resolution.rows) at(r.start).resolutionMinutes = num(r.median);
    for (const r of csat.rows) Object.assign(at(r.start), { csatCount: r.n, csatSatisfied: r.satisfied, csatAverage: num(r.average) });
    for (const r of answers.rows) Object.assign(at(r.start), { answersHelpful: r.helpful, answersUnhelpful: r.unhelpful });
    return [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start));
  }

  /** Medians over the whole period (a median of daily medians is not the period's median). */
  async periodMedians(p: Period): Promise<{ firstResponseMinutes: number | null; resolutionMinutes: number | null }> {
    const { rows } = await this.db.raw<{ rows: { first_response: number | null; resolution: number | null }[] }>(
      `select (select percentile_cont(0.5) within group (order by ${WAIT_MINUTES}) ${HANDOFF_WAITS}) as first_response,
              (select percentile_cont(0.5) within group (order by ${RESOLUTION_MINUTES}) ${RESOLUTIONS}) as resolution`,
      [p.from, p.to, p.from, p.to],
    );
    return { firstResponseMinutes: num(rows[0]?.first_response), resolutionMinutes: num(rows[0]?.resolution) };
  }
}
