import type { Visitor } from '../conversations/types.js';

/** Retention in days (null: kept until deleted by hand) and what the LLM may see. */
export interface PrivacySettings {
  /** Conversations whose last message is older than this are deleted, with their messages, ratings, emails and the snippets saved from them. */
  conversationDays: number | null;
  /** Visitors not seen for this long lose their name, email address, time zone and consent record. */
  visitorDataDays: number | null;
  /** Records of emails sent (or given up on) are deleted after this long. */
  emailRecordDays: number | null;
  /** False: the LLM gets the visitor's current question only, never the conversation before it. */
  llmHistory: boolean;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { conversationDays: null, visitorDataDays: null, emailRecordDays: null, llmHistory: true };

/** The longest retention that can be set: 100 years is "forever" said with a number. */
export const MAX_RETENTION_DAYS = 36_500;

export interface ExportedMessage {
  id: string;
  author: 'visitor' | 'assistant' | 'agent' | 'system';
  /** The teammate who wrote it, for agent messages and notes. */
  authorName: string | null;
  text: string;
  /** False for teammates' internal notes and AI drafts, which the visitor never saw. */
  shownToVisitor: boolean;
  citations: { title: string; url: string }[];
  createdAt: string;
}

export interface ExportedConversation {
  id: string;
  status: string;
  language: string | null;
  pageUrl: string | null;
  createdAt: string;
  lastMessageAt: string;
  messages: ExportedMessage[];
  events: { type: string; from: string; to: string; data: Record<string, unknown>; at: string }[];
  answerRatings: { messageId: string; helpful: boolean; at: string }[];
  satisfaction: { episode: number; score: number; comment: string | null; at: string }[];
}

/** Everything Baton holds about one email address, as the JSON download gives it. */
export interface VisitorExport {
  format: 'baton.visitor-export.v1';
  exportedAt: string;
  email: string;
  visitors: Pick<Visitor, 'id' | 'email' | 'name' | 'language' | 'timeZone' | 'createdAt' | 'lastSeenAt' | 'emailConsentAt'>[];
  conversations: ExportedConversation[];
  emails: { kind: string; to: string; subject: string; status: string; createdAt: string; sentAt: string | null }[];
  /** Q&A snippets a teammate saved from their conversations. */
  knowledge: { sourceId: string; question: string; answer: string }[];
}

/** What an erasure would remove (shown before the confirmation), then what it removed. */
export interface VisitorFootprint {
  email: string;
  visitors: number;
  conversations: number;
  messages: number;
  emails: number;
  snippets: { id: string; name: string }[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface ErasureResult {
  visitors: number;
  conversations: number;
  messages: number;
  emails: number;
  snippets: number;
}

export interface PurgeResult {
  conversations: number;
  messages: number;
  snippets: number;
  visitorsDeleted: number;
  visitorsAnonymised: number;
  queuedEmails: number;
  emailRecords: number;
}
