import type { Citation } from '../assistant/types.js';

export const CONVERSATION_STATUSES = ['bot', 'queued', 'assigned', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Someone chatting through the widget; anonymous until they give an email. */
export interface Visitor {
  id: string;
  email: string | null;
  name: string | null;
  language: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/**
 * Why a conversation left the bot, or why the visitor was offered the team. `offered` is the
 * assistant suggesting it; `requested` is the visitor asking for it (the widget's button).
 */
export interface Handoff {
  reason: 'visitor_request' | 'unsure' | 'assistant_suggested';
  state: 'offered' | 'requested';
  /** What the decision rests on, in words an agent can check (the model's own reason, say). */
  evidence: string | null;
}

export interface Conversation {
  id: string;
  visitorId: string;
  status: ConversationStatus;
  /** The widget's language when the conversation started: the fallback for short questions. */
  language: string | null;
  pageUrl: string | null;
  handoff: (Handoff & { at: string }) | null;
  tokensUsed: number;
  createdAt: Date;
  updatedAt: Date;
}

export type Author = 'visitor' | 'assistant' | 'agent' | 'system';

/** How an assistant reply was made; empty for other authors. */
export interface ReplyMeta {
  mode?: 'llm' | 'extractive';
  confidence?: 'high' | 'medium' | 'low';
  handoff?: Handoff | null;
  language?: string;
  /** A system notice's kind, so it can be shown in the visitor's language later. */
  notice?: 'team_requested';
}

export interface Message {
  id: string;
  conversationId: string;
  author: Author;
  text: string;
  citations: Citation[];
  clientId: string | null;
  /** For an assistant reply: the visitor message it answers. */
  replyTo: string | null;
  meta: ReplyMeta;
  createdAt: Date;
}

export interface NewMessage {
  conversationId: string;
  author: Author;
  text: string;
  citations?: Citation[];
  clientId?: string | null;
  replyTo?: string | null;
  meta?: ReplyMeta;
}
