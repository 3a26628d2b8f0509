import type { TransitionName } from './conversations/lifecycle.js';
import type { Author, ConversationStatus } from './conversations/types.js';

/**
 * What happened, as every replica hears it (through Postgres LISTEN/NOTIFY). Events carry ids,
 * not content: a listener reads what it needs, so a payload stays far below NOTIFY's 8 KB and
 * never carries a visitor's words outside the database.
 */
export type DomainEvent =
  | { type: 'conversation.created'; conversationId: string }
  | { type: 'conversation.transitioned'; conversationId: string; transition: TransitionName; from: ConversationStatus; to: ConversationStatus; assignedTo: string | null; actorId: string | null; /** A handoff's reason keyword (person_request, sensitive…). */ reason?: string }
  | { type: 'message.created'; conversationId: string; messageId: string; author: Author; internal: boolean }
  /** Someone is typing: the visitor, or an agent (named, for the visitor's widget). */
  | { type: 'typing'; conversationId: string; who: 'visitor' | 'agent'; userId?: string }
  /** Who is looking at a conversation changed. */
  | { type: 'viewers.changed'; conversationId: string }
  /**
   * A teammate's sessions ended (deactivated, password changed or reset, signed out): their live
   * streams close on every replica. `only`: that one session; `except`: all but that one.
   */
  | { type: 'sessions.ended'; userId: string; only?: string; except?: string };
