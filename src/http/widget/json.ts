import type { Conversation, Message } from '../../services/conversations/types.js';
import { replyObject } from '../../services/conversations/reply.js';

/** The public API's shapes (docs/api.md). Only these fields leave the server. */

export function conversationJson(c: Conversation) {
  // The reason and when, not the evidence: that is for the team.
  const handoff = c.handoff ? { reason: c.handoff.reason, ...(c.handoff.detail ? { detail: c.handoff.detail } : {}), at: c.handoff.at } : null;
  return { id: c.id, status: c.status, handoff, createdAt: c.createdAt.toISOString() };
}

export function messageJson(m: Message) {
  const base = { id: m.id, author: m.author, text: m.text, createdAt: m.createdAt.toISOString() };
  if (m.author === 'visitor') return { ...base, clientId: m.clientId };
  if (m.author === 'assistant') {
    const { citations, handoff, mode, confidence } = replyObject(m);
    return { ...base, replyTo: m.replyTo, citations, handoff, mode, confidence };
  }
  if (m.author === 'agent') return { ...base, authorName: m.authorName };
  return base;
}
