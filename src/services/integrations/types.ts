/**
 * Outgoing integrations: webhook endpoints (signed JSON to a URL of the team's), and alert
 * channels (a Slack or Microsoft Teams incoming-webhook URL that gets a short message on a
 * handoff). Both are "endpoints"; what differs is the body each is sent.
 */
export const ENDPOINT_KINDS = ['webhook', 'slack', 'teams'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

/** What a webhook endpoint can ask for. `note.created` only when asked: notes are the team's own. */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.handed_off',
  'conversation.assigned',
  'conversation.resolved',
  'conversation.rated',
  'message.created',
  'note.created',
  'knowledge.sync_finished',
] as const;
/** What an alert channel can be told: a handoff, and a conversation left waiting past the reminder threshold. */
export const ALERT_EVENTS = ['conversation.handed_off', 'conversation.waiting'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
export type AlertEventType = (typeof ALERT_EVENTS)[number];
export type PublicEventType = WebhookEventType | AlertEventType;

export const EVENT_LABELS: Record<PublicEventType, string> = {
  'conversation.created': 'A visitor starts a conversation',
  'conversation.handed_off': 'A conversation is handed to the team (with reason, evidence and summary)',
  'conversation.assigned': 'A conversation is claimed or assigned',
  'conversation.resolved': 'A conversation is resolved (with the rating, when given)',
  'conversation.rated': 'A visitor rates the team’s help (1–5, with their comment)',
  'message.created': 'A message from the visitor, an agent or the AI',
  'note.created': 'An internal note (the team’s own words: only if the receiver needs them)',
  'knowledge.sync_finished': 'A website sync finishes',
  'conversation.waiting': 'A conversation waits longer than the reminder threshold',
};

export interface Endpoint {
  id: string;
  kind: EndpointKind;
  name: string;
  url: string;
  /** The scheme and host, shown where the whole URL (which may hold a token) is not. */
  urlOrigin: string;
  /** The signing secret (webhooks only). */
  secret: string | null;
  events: PublicEventType[];
  /** Alerts: whether the visitor's question is posted (their words may hold personal data). */
  includeQuestion: boolean;
  active: boolean;
  /** Its URL and secret were sealed with another SESSION_SECRET: the address must be entered again. */
  unreadable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface EndpointInput {
  kind: EndpointKind;
  name: string;
  url: string;
  events: PublicEventType[];
  includeQuestion: boolean;
  active: boolean;
}

/**
 * What happened, as the cause's transaction recorded it: ids and a few facts, never content
 * (the payload is read when the event is fanned out, after it committed).
 */
export type RecordedEvent =
  | { type: 'conversation.created'; conversationId: string }
  | { type: 'conversation.transitioned'; conversationId: string; transition: string; conversationEventId: string }
  | { type: 'message.created'; conversationId: string; messageId: string }
  | { type: 'conversation.waiting'; conversationId: string; waitingSince: string; episode: number }
  | { type: 'conversation.rated'; conversationId: string; episode: number }
  | { type: 'knowledge.sync_finished'; syncRunId: string };

export interface StoredEvent {
  id: string;
  event: RecordedEvent;
  createdAt: Date;
}

/** What a delivery carries: an event, or the test an admin sends from the settings. */
export type DeliveryType = PublicEventType | 'ping';

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  id: string;
  /** The event's id: the same on every attempt, so a receiver can drop repeats. */
  eventId: string;
  endpointId: string;
  conversationId: string | null;
  type: DeliveryType;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  /** The start of the receiver's last answer (capped), or null. */
  lastResponse: string | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface NewDelivery {
  eventId: string;
  endpointId: string;
  conversationId: string | null;
  type: DeliveryType;
  payload: unknown;
}

/** What the receiver said to one attempt. */
export type PostOutcome = { ok: true; status: number; body: string } | { ok: false; status: number | null; body: string | null; error: string };
