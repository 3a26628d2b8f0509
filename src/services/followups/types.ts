export type EmailKind = 'acknowledgement' | 'email_confirmation' | 'agent_reply' | 'waiting_reminder' | 'test' | 'digest';

/** held: an agent's reply waiting to be batched with the next ones; merged: folded into another row. */
export type OutboxStatus = 'held' | 'pending' | 'sending' | 'sent' | 'failed' | 'merged' | 'skipped';

/** An email to write into the outbox, in the same transaction as what caused it. */
export interface NewEmail {
  /** One email per cause: "<conversation>:<kind>:<message or episode>". A repeat is ignored. */
  key: string;
  kind: EmailKind;
  conversationId: string | null;
  to: string;
  subject: string;
  /** views/emails/<template>.{html,txt}.eta */
  template: string;
  data: Record<string, unknown>;
  replyTo?: string | null;
  status?: 'pending' | 'held';
  /** Not sent (or, held, not batched) before this. */
  notBefore?: Date;
}

/** A row of the outbox. */
export interface OutboxEmail extends Omit<NewEmail, 'replyTo' | 'status' | 'notBefore'> {
  id: string;
  replyTo: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}
