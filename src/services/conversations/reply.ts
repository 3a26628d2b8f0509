import type { Reply } from '../assistant/assistant-service.js';
import type { Citation } from '../assistant/types.js';
import type { Handoff, Message } from './types.js';

/** An assistant reply as the API, the widget and `baton ask --json` show it. */
export interface ReplyObject {
  /** The stored message's id; null when nothing is stored (`baton ask`). */
  id: string | null;
  text: string;
  citations: Citation[];
  /** The team offered to the visitor, and why; null when the answer stands on its sources. */
  handoff: Handoff | null;
  mode: 'llm' | 'extractive';
  confidence: 'high' | 'medium' | 'low';
  language: string;
}

/**
 * Whether to offer the visitor the team with this reply. Only an offer: the handoff rules of
 * the inbox decide more; this says what the answer itself shows (unsure, or the model asking).
 */
export function handoffOffer(reply: Pick<Reply, 'confidence' | 'handoffWish'>): Handoff | null {
  if (reply.handoffWish) return { reason: 'assistant_suggested', state: 'offered', evidence: reply.handoffWish.reason };
  if (reply.confidence === 'low') return { reason: 'unsure', state: 'offered', evidence: 'no passage good enough, or no valid citation' };
  return null;
}

export function replyObjectOf(reply: Reply, id: string | null): ReplyObject {
  return { id, text: reply.text, citations: reply.citations, handoff: handoffOffer(reply), mode: reply.mode, confidence: reply.confidence, language: reply.language };
}

export function replyObject(message: Message): ReplyObject {
  return {
    id: message.id,
    text: message.text,
    citations: message.citations,
    handoff: message.meta.handoff ?? null,
    mode: message.meta.mode ?? 'extractive',
    confidence: message.meta.confidence ?? 'low',
    language: message.meta.language ?? 'en',
  };
}
