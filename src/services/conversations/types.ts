import type { TriggerKind } from '../assistant/triggers/triggers.js';
import type { Citation, RetrievedSource } from '../assistant/types.js';
import type { TransitionName } from './lifecycle.js';

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
  /** When they agreed to be emailed about their conversation (the consent line beside the field). */
  emailConsentAt: Date | null;
  /** Their browser's IANA time zone, for "we're back at 09:00" in their own time. */
  timeZone: string | null;
  /** The site vouched for `email` (Baton.identify with its HMAC); null for an address only typed. */
  emailVerifiedAt: Date | null;
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
  /** `promise`: what the visitor was told at the handoff (someone available, nobody online, closed). */
  /** `emailOfferAt`: from then on the widget offers the email fallback (at once when nobody was available). */
  handoff: (Handoff & { at: string; promise?: 'available' | 'offline' | 'closed'; emailOfferAt?: string }) | null;
  tokensUsed: number;
  /** The agent who has it (status `assigned`). */
  assignedTo: string | null;
  /** Starts at 1; a visitor writing after resolution starts the next, and the AI sees only it. */
  episode: number;
  queuedAt: Date | null;
  assignedAt: Date | null;
  resolvedAt: Date | null;
  lastMessageAt: Date;
  lastMessageAuthor: Author | null;
  /** The start of the last message the visitor can see, for queue lists. */
  lastMessagePreview: string | null;
  lastVisitorMessageAt: Date | null;
  /** The LLM's handoff note for the agent (when there is an LLM). */
  summary: string | null;
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
  notice?: 'team_requested' | 'ask_first' | 'joined';
  /** How a visitor's message came in, when not through the chat. */
  channel?: 'email';
  /** With a handoff notice: what it promised (someone available, nobody online, closed). */
  promise?: 'available' | 'offline' | 'closed';
  /** An AI reply drafted for the assigned agent, not sent to the visitor. */
  draft?: boolean;
  /** For an assistant reply: the passages it was given and the terms searched (insights read them). */
  retrieved?: RetrievedSource[];
  searched?: string[];
  /** The reply offered to ask the team; a yes as the visitor's next message hands off. */
  offer?: boolean;
  /** "Talk to the team" came before any question: the visitor's next message hands off with it. */
  askedForTeam?: boolean;
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
  /** The agent who wrote it (agent replies and notes). */
  userId: string | null;
  /** That agent's name, as shown to the visitor and in the inbox. */
  authorName: string | null;
  /** A private note or an AI draft: seen in the inbox, never by the visitor or the AI. */
  internal: boolean;
  episode: number;
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
  userId?: string | null;
  internal?: boolean;
}

/** One stored transition on a conversation's timeline. */
export interface ConversationEvent {
  id: string;
  conversationId: string;
  episode: number;
  type: TransitionName;
  from: ConversationStatus;
  to: ConversationStatus;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** The inbox's queues, in the order the inbox shows them. */
export const INBOX_QUEUES = ['waiting', 'mine', 'unassigned', 'open', 'resolved'] as const;
export type InboxQueue = (typeof INBOX_QUEUES)[number];

export interface InboxFilter {
  /** Absent: every conversation, newest activity first. */
  queue?: InboxQueue;
  /** The agent looking: "mine" and unread are theirs. */
  userId: string;
  /** Words to find in the conversation's messages or the visitor's email or name. */
  search?: string;
  reason?: TriggerKind;
  limit: number;
  offset: number;
}

export interface InboxItem {
  conversation: Conversation;
  visitorName: string | null;
  visitorEmail: string | null;
  assigneeName: string | null;
  /** The visitor wrote since this agent last opened it. */
  unread: boolean;
}

export type QueueCounts = Record<InboxQueue, number> & { unread: number };

export interface Viewer {
  userId: string;
  name: string;
}

/** A saved reply, inserted in the reply box with "/" and its shortcut. */
export interface CannedResponse {
  id: string;
  shortcut: string;
  text: string;
}
