import type { RetrievedSource } from '../assistant/types.js';
import type { TriggerKind } from '../assistant/triggers/triggers.js';

export const INTERVALS = ['day', 'week'] as const;
export type Interval = (typeof INTERVALS)[number];

/** A time range read in the organisation's time zone, split into days or weeks. */
export interface Period {
  /** Local dates, YYYY-MM-DD, both included. */
  fromDate: string;
  toDate: string;
  from: Date;
  /** Exclusive: local midnight after toDate. */
  to: Date;
  interval: Interval;
  timeZone: string;
}

/** One handoff to the team, as the repository reads it. */
export interface EscalationRecord {
  conversationId: string;
  episode: number;
  at: Date;
  reason: TriggerKind;
  evidence: string;
  detail: string | null;
  language: string | null;
  /** The visitor's messages of the episode up to the handoff, newest first (a few). */
  visitorMessages: { id: string; text: string }[];
  /** The AI answer that handed off, when the AI tried first (what it was given, what it searched). */
  answer: { retrieved: RetrievedSource[]; searched: string[]; confidence: string | null; mode: string | null } | null;
  /** The first reply a teammate sent the visitor after the handoff. */
  agentReply: { messageId: string; text: string; authorName: string | null; at: Date } | null;
}

/** An escalation with the question its topic is read from. */
export interface Escalation extends EscalationRecord {
  /** The visitor's question (the last thing they asked that is not just "a person, please"); null when they asked nothing. */
  question: string | null;
  /** Its stemmed key terms. */
  terms: string[];
}

export interface ReasonGroup {
  reason: TriggerKind;
  label: string;
  count: number;
  share: number;
  lastSeen: Date;
  examples: Escalation[];
}

/** A saved answer that closed a gap (knowledge_fixes). */
export interface KnowledgeFix {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  question: string;
  terms: string[];
  conversationId: string | null;
  messageId: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
}

export interface FixStatus {
  fix: KnowledgeFix;
  /** Escalations on the topic since the fix: did the question come back? */
  cameBack: number;
  lastCameBack: Date | null;
  /** AI answers citing the saved snippet since the fix. */
  answeredByAi: number;
}

export interface Topic {
  /** Stable within one reading: the conversation and episode of its central question. */
  key: string;
  label: string;
  count: number;
  lastSeen: Date;
  reasons: Partial<Record<TriggerKind, number>>;
  escalations: Escalation[];
  /** The agents' own replies to these questions, newest first. */
  agentAnswers: NonNullable<EscalationRecord['agentReply']>[];
  fix: FixStatus | null;
}

export interface EscalationReview {
  period: Period;
  total: number;
  byReason: ReasonGroup[];
  topics: Topic[];
}

/** One day or week of the dashboard. */
export interface MetricsBucket {
  /** Its first local date, YYYY-MM-DD. */
  start: string;
  conversations: number;
  /** Answered by the AI, never handed off, no teammate involved. */
  aiAlone: number;
  /** Conversations handed off, by the reason of their first handoff. */
  handoffs: Partial<Record<TriggerKind, number>>;
  handedOff: number;
  /** Median minutes from handoff to the first teammate reply (handoffs in this bucket). */
  firstResponseMinutes: number | null;
  /** Median minutes from the start of an episode to its resolution (resolutions in this bucket). */
  resolutionMinutes: number | null;
  csatCount: number;
  /** Ratings of 4 or 5, the usual CSAT measure. */
  csatSatisfied: number;
  csatAverage: number | null;
  answersHelpful: number;
  answersUnhelpful: number;
}

export interface Metrics {
  period: Period;
  buckets: MetricsBucket[];
  totals: Omit<MetricsBucket, 'start'>;
}

/** A day or week with nothing in it. */
export function emptyBucket(start: string): MetricsBucket {
  return { start, conversations: 0, aiAlone: 0, handoffs: {}, handedOff: 0, firstResponseMinutes: null, resolutionMinutes: null, csatCount: 0, csatSatisfied: 0, csatAverage: null, answersHelpful: 0, answersUnhelpful: 0 };
}
