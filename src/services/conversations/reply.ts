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
  /** The reply offers to ask the team: a yes (or the "Talk to the team" button) hands off. */
  offer: boolean;
}

/**
 * The triggers read from the answer itself: the model classified the message as a request for
 * a person, or asked for one itself. Structured fields only, never the prose. An answer that is
 * merely unsure (nothing found, low confidence) does not hand off: it offers the team
 * (`reply.offer`) and the visitor's yes does, so the visitor is never told both "shall I ask?"
 * and "the team has been asked".
 */
export function unsureHandoff(reply: Pick<Reply, 'handoffWish'> & { personRequest?: boolean; personEvidence?: string }): Handoff | null {
  if (reply.personRequest) return { reason: 'person_request', evidence: reply.personEvidence ?? 'the model classified the message as a request to talk to a person' };
  if (reply.handoffWish) return { reason: 'unsure', evidence: `the assistant asked for a person: ${reply.handoffWish.reason}` };
  return null;
}

export function replyObjectOf(reply: Reply, id: string | null): ReplyObject {
  return { id, text: reply.text, citations: reply.citations, handoff: unsureHandoff(reply), mode: reply.mode, confidence: reply.confidence, language: reply.language, offer: reply.offer };
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
    offer: message.meta.offer ?? false,
  };
}
