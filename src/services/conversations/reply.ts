import type { Reply } from '../assistant/assistant-service.js';
import type { Citation } from '../assistant/types.js';
import type { Handoff, Message } from './types.js';

/** An assistant reply as the API, the widget and `baton ask --json` show it. */
export interface ReplyObject {
  /** The stored message's id; null when nothing is stored (`baton ask`). */
  id: string | null;
  text: string;
  citations: Citation[];
  /** The handoff this message caused, with its reason and evidence; null when there was none. */
  handoff: Handoff | null;
  /** How the reply was made; `none` when the conversation was handed off without an answer. */
  mode: 'llm' | 'extractive' | 'none';
  confidence: 'high' | 'medium' | 'low' | null;
  language: string;
}

/**
 * The triggers read from the answer itself: the model classified the message as a request for
 * a person, or it is unsure (it asked for a person itself, said its confidence is low, or cited
 * nothing it was given; see AssistantService). Structured fields only, never the prose.
 */
export function unsureHandoff(reply: Pick<Reply, 'confidence' | 'handoffWish' | 'citations' | 'mode'> & { personRequest?: boolean }): Handoff | null {
  if (reply.personRequest) return { reason: 'person_request', evidence: 'the model classified the message as a request to talk to a person' };
  if (reply.handoffWish) return { reason: 'unsure', evidence: `the assistant asked for a person: ${reply.handoffWish.reason}` };
  if (reply.confidence !== 'low') return null;
  if (reply.mode === 'extractive') return { reason: 'unsure', evidence: 'no passage in the knowledge base matches the question' };
  return { reason: 'unsure', evidence: reply.citations.length ? "the model's own confidence was low" : 'the answer cited none of the passages it was given' };
}

export function replyObjectOf(reply: Reply, id: string | null): ReplyObject {
  return { id, text: reply.text, citations: reply.citations, handoff: unsureHandoff(reply), mode: reply.mode, confidence: reply.confidence, language: reply.language };
}

export function replyObject(message: Message): ReplyObject {
  return {
    id: message.id,
    text: message.text,
    citations: message.citations,
    handoff: message.meta.handoff ?? null,
    mode: message.meta.mode ?? 'none',
    confidence: message.meta.confidence ?? null,
    language: message.meta.language ?? 'en',
  };
}
