import type { TriggerKind } from '../assistant/triggers/triggers.js';
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
 * Why a conversation was handed to the team: which trigger fired and the evidence it rests on
 * (the words that matched, the rule, the model's own reason), for the agent to check.
 */
export interface Handoff {
  reason: TriggerKind;
  evidence: string;
  /** The sensitive category's key or the rule's name, when there is one. */
  detail?: string;
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
  mode?: 'llm' | 'extractive' | 'none';
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
