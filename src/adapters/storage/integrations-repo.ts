import type { Knex } from 'knex';
import type { Delivery, DeliveryStatus, DeliveryType, Endpoint, EndpointInput, EndpointKind, NewDelivery, PublicEventType, RecordedEvent, StoredEvent } from '../../services/integrations/types.js';
import type { IntegrationRepo } from '../../services/ports.js';
import { isUuid, type Conn } from './db.js';

/**
 * Records that something happened, on `conn`, so the cause's transaction carries it (the
 * transactional outbox): the event exists exactly when its cause was stored. Written only while
 * some endpoint is active, so a Baton without integrations writes nothing more per message.
 */
export async function recordIntegrationEvent(conn: Conn, event: RecordedEvent): Promise<void> {
  const { type, ...data } = event;
  const conversationId = 'conversationId' in event ? event.conversationId : null;
  const messageId = 'messageId' in event ? event.messageId : null;
  await conn.raw(
    'insert into integration_events (type, conversation_id, message_id, data) select ?, ?, ?, ?::jsonb where exists (select 1 from integration_endpoints where active)',
    [type, conversationId, messageId, JSON.stringify(data)],
  );
}

interface EndpointRow {
  id: string;
  kind: EndpointKind;
  name: string;
  url_sealed: string;
  url_origin: string;
  secret_sealed: string | null;
  events: PublicEventType[];
  include_question: boolean;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  conversation_id: string | null;
  type: DeliveryType;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: String(r.id),
  eventId: r.event_id,
  endpointId: r.endpoint_id,
  conversationId: r.conversation_id,
  type: r.type,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatus: r.last_status,
  lastResponse: r.last_response,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** Seals what a copy of the database alone should not reveal: endpoint URLs and signing secrets. */
export interface Sealer {
  seal(text: string): string;
  open(sealed: string): string;
}

export class IntegrationsRepo implements IntegrationRepo {
  constructor(
    private readonly db: Knex,
    private readonly box: Sealer,
  ) {}

  #toEndpoint(r: EndpointRow): Endpoint {
    // Sealed with another SESSION_SECRET (it was changed): the endpoint stays listed, to be fixed.
    let url = '';
    let secret: string | null = null;
    let unreadable = false;
    try {
      url = this.box.open(r.url_sealed);
      secret = r.secret_sealed ? this.box.open(r.secret_sealed) : null;
    } catch {
      unreadable = true;
    }
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      url,
      urlOrigin: r.url_origin,
      secret,
      unreadable,
      events: r.events,
      includeQuestion: r.include_question,
      active: r.active,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  #columns(input: EndpointInput) {
    return {
      kind: input.kind,
      name: input.name,
      url_sealed: this.box.seal(input.url),
      url_origin: new URL(input.url).origin,
      events: input.events,
      include_question: input.includeQuestion,
      active: input.active,
    };
  }

  async listEndpoints() {
    const rows = (await this.db('integration_endpoints').orderBy('created_at')) as EndpointRow[];
    return rows.map((r) => this.#toEndpoint(r));
  }

  async findEndpoint(id: string) {
    if (!isUuid(id)) return undefined;
    const row = (await this.db('integration_endpoints').where({ id }).first()) as EndpointRow | undefined;
    return row ? this.#toEndpoint(row) : undefined;
  }

  async createEndpoint(input: EndpointInput, secret: string | null) {
    const [row] = (await this.db('integration_endpoints')
      .insert({ ...this.#columns(input), secret_sealed: secret ? this.box.seal(secret) : null })
      .returning('*')) as EndpointRow[];
    return this.#toEndpoint(row!);
  }

  async updateEndpoint(id: string, input: EndpointInput) {
    const [row] = (await this.db('integration_endpoints')
      .where({ id })
      .update({ ...this.#columns(input), updated_at: this.db.fn.now() })
      .returning('*')) as EndpointRow[];
    return row ? this.#toEndpoint(row) : undefined;
  }

  async setSecret(id: string, secret: string) {
    await this.db('integration_endpoints').where({ id }).update({ secret_sealed: this.box.seal(secret), updated_at: this.db.fn.now() });
  }

  async deleteEndpoint(id: string) {
    if (!isUuid(id)) return false;
    return (await this.db('integration_endpoints').where({ id }).delete()) > 0;
  }

  async record(event: RecordedEvent) {
    await recordIntegrationEvent(this.db, event);
  }

  async pendingEvents(limit: number, maxFailures: number): Promise<StoredEvent[]> {
    const rows = (await this.db('integration_events').where('failures', '<', maxFailures).orderBy('created_at').orderBy('id').limit(limit)) as { id: string; type: string; conversation_id: string | null; message_id: string | null; data: Record<string, unknown>; created_at: Date }[];
    return rows.map((r) => ({
      id: r.id,
      event: { type: r.type, ...(r.conversation_id ? { conversationId: r.conversation_id } : {}), ...(r.message_id ? { messageId: r.message_id } : {}), ...r.data } as RecordedEvent,
      createdAt: r.created_at,
    }));
  }

  async eventFailed(id: string, error: string) {
    await this.db('integration_events').where({ id }).update({ failures: this.db.raw('failures + 1'), last_error: error.slice(0, 500) });
  }

  /** The event's deliveries and its removal, together: fanned out once, even if this runs twice. */
  async fanOut(eventId: string, deliveries: NewDelivery[]) {
    await this.db.transaction(async (trx) => {
      if (deliveries.length) {
        await trx('integration_deliveries')
          .insert(deliveries.map((d) => ({ event_id: d.eventId, endpoint_id: d.endpointId, conversation_id: d.conversationId, type: d.type, payload: JSON.stringify(d.payload) })))
          .onConflict(['endpoint_id', 'event_id'])
          .ignore();
      }
      await trx('integration_events').where({ id: eventId }).delete();
    });
  }

  async addDelivery(d: NewDelivery, lockedUntil: Date) {
    // Held by the caller, who sends it now: the job does not take it meanwhile.
    const [row] = (await this.db('integration_deliveries')
      .insert({ event_id: d.eventId, endpoint_id: d.endpointId, conversation_id: d.conversationId, type: d.type, payload: JSON.stringify(d.payload), status: 'sending', locked_until: lockedUntil })
      .returning('*')) as DeliveryRow[];
    return toDelivery(row!);
  }

  async claimDue(now: Date, limit: number, lockMs: number, perEndpoint: number) {
    // `now` has milliseconds, the column microseconds (see the email outbox). Only for endpoints
    // that are on, and a few per endpoint, so one receiver's backlog does not fill the batch.
    const due = this.db
      .select('id')
      .from(
        this.db('integration_deliveries as d')
          .join('integration_endpoints as e', 'e.id', 'd.endpoint_id')
          .where('e.active', true)
          .andWhere((q) =>
            q
              .where((p) => p.where('d.status', 'pending').andWhere('d.next_attempt_at', '<', new Date(now.getTime() + 1)))
              .orWhere((p) => p.where('d.status', 'sending').andWhere('d.locked_until', '<', now)),
          )
          .select('d.id', 'd.next_attempt_at', this.db.raw('row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id) as nth'))
          .as('ranked'),
      )
      .where('nth', '<=', perEndpoint)
      .orderBy([{ column: 'next_attempt_at' }, { column: 'id' }])
      .limit(limit);
    const locked = this.db('integration_deliveries').select('id').whereIn('id', due).forUpdate().skipLocked();
    const rows = (await this.db('integration_deliveries')
      .whereIn('id', locked)
      .update({ status: 'sending', locked_until: new Date(now.getTime() + lockMs) })
      .returning('*')) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /** Puts claimed deliveries back, untried (their endpoint is resting this round). */
  async release(ids: string[]) {
    if (ids.length) await this.db('integration_deliveries').whereIn('id', ids).andWhere({ status: 'sending' }).update({ status: 'pending', locked_until: null });
  }

  async markAttempt(id: string, result: { status: 'delivered' | 'pending' | 'failed'; attempts: number; at: Date; nextAttemptAt?: Date; lastStatus: number | null; lastResponse: string | null; lastError: string | null }) {
    await this.db('integration_deliveries')
      .where({ id })
      .update({
        status: result.status,
        attempts: result.attempts,
        locked_until: null,
        last_status: result.lastStatus,
        last_response: result.lastResponse,
        last_error: result.lastError,
        ...(result.nextAttemptAt ? { next_attempt_at: result.nextAttemptAt } : {}),
        ...(result.status === 'delivered' ? { delivered_at: result.at } : {}),
      });
  }

  async deliveries(endpointId: string, limit: number) {
    if (!isUuid(endpointId)) return [];
    const rows = (await this.db('integration_deliveries').where({ endpoint_id: endpointId }).orderBy('id', 'desc').limit(limit)) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  async findDelivery(id: string) {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const row = (await this.db('integration_deliveries').where({ id }).first()) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  async resend(id: string, now: Date) {
    if (!/^\d{1,18}$/.test(id)) return false;
    // Not one a sender holds right now; a delivered one may be sent again on purpose.
    return (await this.db('integration_deliveries').where({ id }).whereNot({ status: 'sending' }).update({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })) > 0;
  }

  async lastDeliveries() {
    const rows = (await this.db('integration_deliveries')
      .distinctOn('endpoint_id')
      .select('endpoint_id', 'status', 'last_status', 'created_at')
      .orderBy([{ column: 'endpoint_id' }, { column: 'id', order: 'desc' }])) as { endpoint_id: string; status: DeliveryStatus; last_status: number | null; created_at: Date }[];
    return new Map(rows.map((r) => [r.endpoint_id, { status: r.status, lastStatus: r.last_status, at: r.created_at }]));
  }

  /** The delivery log keeps `before` as its horizon; events nobody took (no endpoint) go with it. */
  async prune(before: Date) {
    const deliveries = await this.db('integration_deliveries').where('created_at', '<', before).whereIn('status', ['delivered', 'failed']).delete();
    const events = await this.db('integration_events').where('created_at', '<', before).delete();
    return deliveries + events;
  }
}

/** Payloads about these visitors' conversations, on `conn` (their data is being forgotten). */
export function dropDeliveriesForVisitors(conn: Conn, visitorIds: Knex.QueryBuilder) {
  return conn('integration_deliveries').whereIn('conversation_id', conn('conversations').select('id').whereIn('visitor_id', visitorIds)).delete();
}
