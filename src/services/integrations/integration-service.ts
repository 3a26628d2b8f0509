import { createHash } from 'node:crypto';
import type { Authority } from '../audit/authority.js';
import { changes } from '../audit/authority.js';
import type { AuditActor } from '../audit/types.js';
import { reasonText } from '../assistant/triggers/triggers.js';
import { questionOf } from '../conversations/question.js';
import type { Conversation } from '../conversations/types.js';
import { messageForTeam } from '../conversations/team-message.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock, ConversationRepo, IntegrationRepo, MessageRepo, OrganisationRepo, RatingRepo, SourceRepo, SyncRunRepo, UserRepo, VisitorRepo, WebhookSender } from '../ports.js';
import { alertBody, PROMISE_WORDS, type AlertFacts } from './alerts.js';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry.js';
import { newSigningSecret, sign, SIGNATURE_HEADER } from './signature.js';
import { ALERT_EVENTS, ENDPOINT_KINDS, WEBHOOK_EVENTS, type Delivery, type Endpoint, type EndpointInput, type NewDelivery, type PostOutcome, type PublicEventType, type RecordedEvent, type StoredEvent } from './types.js';

export interface IntegrationDeps {
  repo: IntegrationRepo;
  conversations: Pick<ConversationRepo, 'findById' | 'events'>;
  messages: Pick<MessageRepo, 'findById' | 'recent'>;
  visitors: Pick<VisitorRepo, 'findById'>;
  users: Pick<UserRepo, 'findById'>;
  ratings: Pick<RatingRepo, 'conversationRating'>;
  syncRuns: Pick<SyncRunRepo, 'findById'>;
  sources: Pick<SourceRepo, 'findById'>;
  organisations: Pick<OrganisationRepo, 'get'>;
  sender: WebhookSender;
  authority: Pick<Authority, 'perform' | 'check'>;
  clock: Clock;
  options: {
    /** The inbox page of a conversation, for the team (in payloads and alerts). */
    conversationUrl: (id: string) => string;
    /** The inbox itself (where a test alert's button goes). */
    inboxUrl: string;
    userAgent: string;
    /** How long the delivery log keeps finished deliveries. */
    keepDays: number;
  };
  /** Told of each attempt, for metrics. */
  onAttempt?: (outcome: 'delivered' | 'retrying' | 'failed') => void;
}

/** An integration's content, before its body for a kind of endpoint is made. */
interface EventContent {
  type: PublicEventType;
  conversationId: string | null;
  data: Record<string, unknown>;
  /** For alerts. */
  alert?: AlertFacts;
}

const FAN_OUT_BATCH = 100;
/** An event that fails to fan out this often is set aside (it stays until the log's horizon). */
const EVENT_MAX_FAILURES = 5;
const DELIVERY_BATCH = 20;
/** At most this many of one endpoint's deliveries per batch: a backlog does not crowd out the rest. */
const PER_ENDPOINT = 5;
const CONCURRENCY = 4;
const CLAIM_MS = 120_000;
const LOG_SIZE = 50;
const DAY_MS = 86_400_000;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What a receiver said, as the log can store it: no NUL or other control characters. */
// eslint-disable-next-line no-control-regex
const storable = (t: string | null) => (t === null ? null : t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd'));

/** The public types a recorded event can become, known before anything is read. */
function candidates(e: RecordedEvent): PublicEventType[] {
  switch (e.type) {
    case 'conversation.created':
    case 'conversation.waiting':
    case 'conversation.rated':
    case 'knowledge.sync_finished':
      return [e.type];
    case 'message.created':
      return ['message.created', 'note.created'];
    case 'conversation.transitioned':
      return e.transition === 'hand_off' ? ['conversation.handed_off'] : e.transition === 'claim' || e.transition === 'assign' ? ['conversation.assigned'] : e.transition === 'resolve' ? ['conversation.resolved'] : [];
  }
}

/** A stable event id from a key, for events that may be recorded more than once (a reminder). */
export const eventIdFor = (key: string) => {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * Outgoing integrations. Causes record an event in their own transaction (see the storage
 * layer); a job fans each out into one delivery per endpoint that wants it, with the payload
 * read then, and sends what is due: signed, bounded in time, retried with growing pauses, and
 * logged with the receiver's answer. Visitors never wait on any of it.
 */
export class IntegrationService {
  constructor(private readonly deps: IntegrationDeps) {}

  // ── Settings › Integrations ────────────────────────────────────────────────────────────────

  list(): Promise<Endpoint[]> {
    return this.deps.repo.listEndpoints();
  }

  lastDeliveries() {
    return this.deps.repo.lastDeliveries();
  }

  async get(id: string): Promise<Endpoint> {
    const endpoint = await this.deps.repo.findEndpoint(id);
    if (!endpoint) throw new NotFoundError('That integration does not exist (it may have been deleted).');
    return endpoint;
  }

  async deliveries(id: string): Promise<Delivery[]> {
    return this.deps.repo.deliveries((await this.get(id)).id, LOG_SIZE);
  }

  async create(actor: AuditActor, input: EndpointInput): Promise<Endpoint> {
    const clean = checkInput(input);
    return this.deps.authority.perform(
      actor,
      'integration.added',
      () => this.deps.repo.createEndpoint(clean, clean.kind === 'webhook' ? newSigningSecret() : null),
      (e) => ({ target: e.name, details: { kind: e.kind, address: e.urlOrigin, events: e.events } }),
    );
  }

  async update(actor: AuditActor, id: string, input: EndpointInput): Promise<Endpoint> {
    const before = await this.get(id);
    const clean = checkInput({ ...input, kind: before.kind });
    // Saved under another SESSION_SECRET: the address is entered again, and a webhook gets a new secret.
    if (before.unreadable && before.kind === 'webhook') await this.deps.repo.setSecret(id, newSigningSecret());
    const shown = (e: Endpoint | EndpointInput) => ({ name: e.name, url: e.url, events: e.events, includeQuestion: e.includeQuestion, active: e.active });
    return this.deps.authority.perform(
      actor,
      'integration.changed',
      async () => (await this.deps.repo.updateEndpoint(id, clean)) ?? before,
      (after) => {
        const changed = changes(shown(before), shown(after), { secret: ['url'] });
        return Object.keys(changed).length ? { target: after.name, details: changed } : null;
      },
    );
  }

  async remove(actor: AuditActor, id: string): Promise<Endpoint> {
    const endpoint = await this.get(id);
    await this.deps.authority.perform(actor, 'integration.deleted', () => this.deps.repo.deleteEndpoint(id), () => ({ target: endpoint.name, details: { kind: endpoint.kind } }));
    return endpoint;
  }

  /** A new signing secret; the old one stops working at once (say so before). */
  async rotateSecret(actor: AuditActor, id: string): Promise<Endpoint> {
    const endpoint = await this.get(id);
    if (endpoint.kind !== 'webhook') throw new ValidationError('Only webhooks have a signing secret.');
    await this.deps.authority.perform(actor, 'integration.secret_rotated', () => this.deps.repo.setSecret(id, newSigningSecret()), () => ({ target: endpoint.name }));
    return this.get(id);
  }

  /** Sends a `ping` now and says how the receiver answered; it is in the delivery log too. */
  async sendTest(actor: AuditActor, id: string): Promise<PostOutcome> {
    const endpoint = await this.get(id);
    return this.deps.authority.perform(
      actor,
      'integration.tested',
      async () => {
        const now = this.deps.clock.now();
        const eventId = eventIdFor(`ping:${id}:${now.toISOString()}`);
        const content: EventContent = {
          type: 'conversation.handed_off',
          conversationId: null,
          data: {},
          alert: { kind: 'handed_off', org: await this.#orgName(), reason: 'A test from Baton (Settings › Integrations): nothing to do', promise: null, question: null, link: this.deps.options.inboxUrl },
        };
        const payload = endpoint.kind === 'webhook' ? { id: eventId, type: 'ping', createdAt: now.toISOString(), data: { endpoint: { id: endpoint.id, name: endpoint.name } } } : bodyFor(endpoint, content, eventId, now);
        const delivery = await this.deps.repo.addDelivery({ eventId, endpointId: id, conversationId: null, type: 'ping', payload }, new Date(now.getTime() + CLAIM_MS));
        return this.#attempt(endpoint, delivery);
      },
      (outcome) => ({ target: endpoint.name, details: { status: outcome.status, ok: outcome.ok } }),
    );
  }

  async resend(actor: AuditActor, deliveryId: string): Promise<Delivery> {
    const delivery = await this.deps.repo.findDelivery(deliveryId);
    if (!delivery) throw new NotFoundError('That delivery is no longer in the log.');
    const endpoint = await this.get(delivery.endpointId);
    const queued = await this.deps.authority.perform(actor, 'integration.resent', () => this.deps.repo.resend(deliveryId, this.deps.clock.now()), (ok) => (ok ? { target: endpoint.name, details: { delivery: deliveryId, event: delivery.type } } : null));
    if (!queued) throw new ValidationError('That delivery is being sent right now; look again in a minute.');
    return delivery;
  }

  /** Records that a conversation waits past the reminder threshold: once per episode. */
  async waiting(conversations: Conversation[]): Promise<void> {
    for (const c of conversations) {
      if (!c.queuedAt) continue;
      await this.deps.repo.record({ type: 'conversation.waiting', conversationId: c.id, waitingSince: c.queuedAt.toISOString(), episode: c.episode });
    }
  }

  // ── The job ────────────────────────────────────────────────────────────────────────────────

  /** Fans out what happened, then sends what is due. */
  async dispatch(): Promise<{ fannedOut: number; delivered: number; retrying: number; failed: number }> {
    // Read (and unsealed) once a tick, for both steps.
    const endpoints = await this.deps.repo.listEndpoints();
    const fannedOut = await this.#fanOut(endpoints.filter((e) => e.active));
    const sent = await this.#deliver(new Map(endpoints.map((e) => [e.id, e])));
    return { fannedOut, ...sent };
  }

  /** Trims the delivery log to its horizon (a job, hourly). */
  prune(): Promise<number> {
    return this.deps.repo.prune(new Date(this.deps.clock.now().getTime() - this.deps.options.keepDays * DAY_MS));
  }

  async #fanOut(endpoints: Endpoint[]): Promise<number> {
    let count = 0;
    for (let round = 0; round < 10; round++) {
      const events = await this.deps.repo.pendingEvents(FAN_OUT_BATCH, EVENT_MAX_FAILURES);
      for (const stored of events) {
        // One event that cannot be stored or read fails alone, and is set aside after a few tries.
        try {
          count += await this.#fanOutOne(stored, endpoints);
        } catch (err) {
          await this.deps.repo.eventFailed(stored.id, (err as Error).message);
        }
      }
      if (events.length < FAN_OUT_BATCH) break;
    }
    return count;
  }

  async #fanOutOne(stored: StoredEvent, endpoints: Endpoint[]): Promise<number> {
    // Nothing is read for an event no endpoint can want.
    const possible = candidates(stored.event);
    const content = endpoints.some((e) => e.events.some((t) => possible.includes(t))) ? await this.#content(stored) : null;
    const wanting = content ? endpoints.filter((e) => e.events.includes(content.type)) : [];
    // A reminder is recorded each minute a conversation waits; its id is the same for one wait,
    // so the delivery is written once.
    const eventId = stored.event.type === 'conversation.waiting' ? eventIdFor(`waiting:${stored.event.conversationId}:${stored.event.episode}:${stored.event.waitingSince}`) : stored.id;
    const deliveries: NewDelivery[] = wanting.map((e) => ({ eventId, endpointId: e.id, conversationId: content!.conversationId, type: content!.type, payload: bodyFor(e, content!, eventId, stored.createdAt) }));
    await this.deps.repo.fanOut(stored.id, deliveries);
    return deliveries.length;
  }

  async #deliver(endpoints: Map<string, Endpoint>): Promise<{ delivered: number; retrying: number; failed: number }> {
    const result = { delivered: 0, retrying: 0, failed: 0 };
    // An endpoint that did not answer at all (down, timed out) rests for the rest of this run:
    // its other deliveries go back untried instead of each waiting out the timeout.
    const resting = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const batch = await this.deps.repo.claimDue(this.deps.clock.now(), DELIVERY_BATCH, CLAIM_MS, PER_ENDPOINT);
      if (!batch.length) break;
      // A few at a time: one slow receiver holds one slot, not the whole batch.
      const queue = [...batch];
      const putBack: string[] = [];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let d = queue.shift(); d; d = queue.shift()) {
            const endpoint = endpoints.get(d.endpointId);
            // Added since this run began, or resting: next run.
            if (!endpoint || resting.has(endpoint.id)) {
              putBack.push(d.id);
              continue;
            }
            const outcome = await this.#attempt(endpoint, d);
            if (!outcome.ok && outcome.status === null) resting.add(endpoint.id);
            if (outcome.ok) result.delivered++;
            else if (d.attempts + 1 >= MAX_ATTEMPTS) result.failed++;
            else result.retrying++;
          }
        }),
      );
      await this.deps.repo.release(putBack);
      // Rounds go on while there is work: the per-endpoint cap can make a batch short.
      if (putBack.length === batch.length) break;
    }
    return result;
  }

  /** One attempt at one delivery, recorded whatever happens. */
  async #attempt(endpoint: Endpoint, d: Delivery): Promise<PostOutcome> {
    const now = this.deps.clock.now();
    const body = JSON.stringify(d.payload);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': this.deps.options.userAgent };
    if (endpoint.kind === 'webhook') {
      Object.assign(headers, {
        'Baton-Event': d.type,
        'Baton-Event-Id': d.eventId,
        'Baton-Delivery-Attempt': String(d.attempts + 1),
        [SIGNATURE_HEADER]: sign(endpoint.secret ?? '', Math.floor(now.getTime() / 1000), body),
      });
    }
    let outcome: PostOutcome;
    if (endpoint.unreadable) {
      outcome = { ok: false, status: null, body: null, error: 'its address was saved under another SESSION_SECRET: enter it again in Settings › Integrations' };
    } else {
      try {
        outcome = await this.deps.sender.post(endpoint.url, body, headers);
      } catch (err) {
        outcome = { ok: false, status: null, body: null, error: (err as Error).message };
      }
    }
    const attempts = d.attempts + 1;
    const at = this.deps.clock.now();
    const common = { attempts, at, lastStatus: outcome.status, lastResponse: storable(outcome.body) };
    const next = outcome.ok || attempts >= MAX_ATTEMPTS ? undefined : nextAttemptAt(attempts, at);
    const status = outcome.ok ? 'delivered' : next ? 'pending' : 'failed';
    await this.deps.repo.markAttempt(d.id, { ...common, status, nextAttemptAt: next, lastError: outcome.ok ? null : storable(outcome.error) });
    this.deps.onAttempt?.(outcome.ok ? 'delivered' : next ? 'retrying' : 'failed');
    return outcome;
  }

  async #orgName(): Promise<string> {
    return (await this.deps.organisations.get())?.name ?? 'Support';
  }

  /**
   * What a recorded event is, read now: after its cause committed, and before retention could
   * remove anything (a conversation deleted since takes its event with it). Null: nothing to
   * send (a system notice, an AI draft, a transition no endpoint can ask for).
   */
  async #content(stored: StoredEvent): Promise<EventContent | null> {
    const e = stored.event;
    if (e.type === 'knowledge.sync_finished') {
      const run = await this.deps.syncRuns.findById(e.syncRunId);
      if (!run) return null;
      const source = await this.deps.sources.findById(run.sourceId);
      return {
        type: 'knowledge.sync_finished',
        conversationId: null,
        data: {
          sync: { id: run.id, status: run.status, trigger: run.trigger, found: run.found, indexed: run.indexed, unchanged: run.unchanged, failed: run.failed, error: run.error, startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt) },
          source: source ? { id: source.id, name: source.name, kind: source.kind } : { id: run.sourceId, name: null, kind: null },
        },
      };
    }
    const conversation = await this.deps.conversations.findById(e.conversationId);
    if (!conversation) return null;
    const base = await this.#conversationData(conversation);
    switch (e.type) {
      case 'conversation.created':
        return { type: 'conversation.created', conversationId: conversation.id, data: base };
      case 'conversation.waiting': {
        const waited = Math.max(0, Math.floor((this.deps.clock.now().getTime() - new Date(e.waitingSince).getTime()) / 60_000));
        return { type: 'conversation.waiting', conversationId: conversation.id, data: { ...base, waitedMinutes: waited }, alert: await this.#alert(conversation, 'waiting', waited) };
      }
      case 'conversation.rated': {
        // Read now: a visitor who changes their mind sends a second event, with the new rating.
        const rating = await this.deps.ratings.conversationRating(conversation.id, e.episode);
        if (!rating) return null;
        return { type: 'conversation.rated', conversationId: conversation.id, data: { ...base, csat: { episode: e.episode, score: rating.score, comment: rating.comment } } };
      }
      case 'message.created': {
        const message = await this.deps.messages.findById(e.messageId);
        if (!message || message.author === 'system' || message.meta.draft) return null;
        if (message.internal && message.author !== 'agent') return null;
        return { type: message.internal ? 'note.created' : 'message.created', conversationId: conversation.id, data: { ...base, message: messageForTeam(message) } };
      }
      case 'conversation.transitioned': {
        const event = (await this.deps.conversations.events(conversation.id)).find((ev) => ev.id === e.conversationEventId);
        const actor = event?.actorId ? { id: event.actorId, name: event.actorName } : null;
        if (e.transition === 'hand_off') {
          const handoff = conversation.handoff ? { reason: conversation.handoff.reason, reasonText: reasonText(conversation.handoff), evidence: conversation.handoff.evidence, detail: conversation.handoff.detail ?? null, promise: conversation.handoff.promise ?? null, at: conversation.handoff.at } : null;
          return { type: 'conversation.handed_off', conversationId: conversation.id, data: { ...base, handoff, summary: conversation.summary }, alert: await this.#alert(conversation, 'handed_off') };
        }
        if (e.transition === 'claim' || e.transition === 'assign') return { type: 'conversation.assigned', conversationId: conversation.id, data: { ...base, by: actor } };
        if (e.transition === 'resolve') {
          const rating = await this.deps.ratings.conversationRating(conversation.id, conversation.episode);
          return { type: 'conversation.resolved', conversationId: conversation.id, data: { ...base, by: actor, csat: rating ? { score: rating.score, comment: rating.comment } : null } };
        }
        return null;
      }
    }
  }

  async #conversationData(c: Conversation): Promise<Record<string, unknown>> {
    const visitor = await this.deps.visitors.findById(c.visitorId);
    const assignee = c.assignedTo ? await this.deps.users.findById(c.assignedTo) : undefined;
    return {
      conversation: {
        id: c.id,
        status: c.status,
        episode: c.episode,
        language: c.language,
        pageUrl: c.pageUrl,
        createdAt: c.createdAt.toISOString(),
        assignedTo: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null,
        link: this.deps.options.conversationUrl(c.id),
      },
      // What the visitor gave, and nothing once retention has forgotten it. (Names are camelCase,
      // as in both APIs.)
      visitor: visitor ? { id: visitor.id, name: visitor.name, email: visitor.email, emailVerified: !!visitor.emailVerifiedAt } : null,
    };
  }

  async #alert(c: Conversation, kind: AlertFacts['kind'], waitedMinutes?: number): Promise<AlertFacts> {
    // This episode's latest messages are enough to find the question; not the whole history.
    const visitorMessages = (await this.deps.messages.recent(c.id, 30, { episode: c.episode })).filter((m) => m.author === 'visitor').reverse();
    return {
      kind,
      org: await this.#orgName(),
      reason: c.handoff ? reasonText(c.handoff) : 'Waiting for the team',
      promise: c.handoff?.promise ? (PROMISE_WORDS[c.handoff.promise] ?? null) : null,
      question: questionOf({ visitorMessages }),
      waitedMinutes,
      link: this.deps.options.conversationUrl(c.id),
    };
  }
}

/** The body an endpoint is sent: the signed JSON event for a webhook, a message for a channel. */
function bodyFor(endpoint: Endpoint, content: EventContent, eventId: string, at: Date): unknown {
  if (endpoint.kind === 'webhook') return { id: eventId, type: content.type, createdAt: at.toISOString(), data: content.data };
  const facts = content.alert!;
  return alertBody(endpoint.kind, { ...facts, question: endpoint.includeQuestion ? facts.question : null });
}

/** The endpoint as it may be saved, or a ValidationError naming each field that is wrong. */
export function checkInput(input: EndpointInput): EndpointInput {
  const fields: Record<string, string> = {};
  if (!ENDPOINT_KINDS.includes(input.kind)) fields.kind = 'Choose a webhook, Slack or Microsoft Teams.';
  const name = input.name.trim();
  if (!name) fields.name = 'Give it a name the team will recognise.';
  else if (name.length > 100) fields.name = 'At most 100 characters.';
  const url = input.url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    fields.url = 'Enter the full address, starting with https://';
  }
  if (parsed) {
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fields.url = 'Only http and https addresses can receive deliveries.';
    else if (parsed.username || parsed.password) fields.url = 'Put no user name or password in the address: webhooks are signed instead.';
    else if (url.length > 2000) fields.url = 'At most 2,000 characters.';
  }
  const allowed: readonly string[] = input.kind === 'webhook' ? WEBHOOK_EVENTS : ALERT_EVENTS;
  const events = [...new Set(input.events)].filter((e) => allowed.includes(e));
  if (!events.length) fields.events = input.kind === 'webhook' ? 'Choose at least one event.' : 'Choose when to post.';
  if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);
  return { kind: input.kind, name, url, events, includeQuestion: input.kind !== 'webhook' && input.includeQuestion, active: input.active };
}
