import type { Message } from './types.js';

/**
 * A message as the team's own systems get it, through the team API and in webhook payloads:
 * the same fields in both, notes and drafts marked (the visitor API has its own shape).
 */
export function messageForTeam(m: Message) {
  return {
    id: m.id,
    author: m.author,
    authorName: m.authorName,
    text: m.text,
    internal: m.internal,
    draft: !!m.meta.draft,
    citations: m.citations.map((c) => ({ title: c.title, url: c.url })),
    createdAt: m.createdAt.toISOString(),
  };
}
