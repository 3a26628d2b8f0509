import pg from 'pg';
import type { Conn } from '../storage/db.js';
import type { DomainEvent } from '../../services/events.js';
import type { EventBus } from '../../services/ports.js';
import { outsideRequestContext } from '../../lib/request-context.js';

const CHANNEL = 'baton_events';

export interface PgNotifyBusOptions {
  db: Conn;
  /** For the one connection that listens (a pooled connection cannot hold LISTEN). */
  connectionString: string;
  onError?: (err: unknown) => void;
  /** Told when the listening connection is back after a loss: events in between were missed. */
  onReconnect?: () => void;
}

/**
 * Domain events over Postgres NOTIFY, so every replica on the same database hears every event.
 * Publishing is one `pg_notify` through the pool; listening holds one connection of its own,
 * opened at the first subscriber and re-opened with backoff when it drops.
 */
export class PgNotifyBus implements EventBus {
  readonly #listeners = new Set<(event: DomainEvent) => void>();
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #closed = false;
  #retryMs = 250;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: PgNotifyBusOptions) {}

  async publish(event: DomainEvent): Promise<void> {
    await this.opts.db.raw('select pg_notify(?, ?)', [CHANNEL, JSON.stringify(event)]);
  }

  async subscribe(listener: (event: DomainEvent) => void): Promise<() => void> {
    this.#listeners.add(listener);
    const unsubscribe = () => void this.#listeners.delete(listener);
    try {
      await this.ready();
    } catch {
      // Not listening yet: the reconnect loop keeps trying, and the listener stays registered.
    }
    return unsubscribe;
  }

  /** Resolves once this replica is listening (tests wait for it before publishing). */
  ready(): Promise<void> {
    if (this.#client) return Promise.resolve();
    // The first subscriber is a request; the connection and its listeners serve every request after.
    this.#connecting ??= outsideRequestContext(() => this.#connect()).finally(() => (this.#connecting = undefined));
    return this.#connecting;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString, application_name: 'baton-events' });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      let event: DomainEvent;
      try {
        event = JSON.parse(n.payload) as DomainEvent;
      } catch (err) {
        this.opts.onError?.(err);
        return;
      }
      for (const listener of this.#listeners) listener(event);
    });
    const lost = (err?: unknown) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      if (err) this.opts.onError?.(err);
      this.#scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      void client.end().catch(() => {});
      this.opts.onError?.(err);
      this.#scheduleReconnect();
      throw err;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#retryMs = 250;
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer || this.#listeners.size === 0) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.ready().then(
        () => this.opts.onReconnect?.(),
        () => {},
      );
    }, delay);
    this.#retryTimer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    this.#listeners.clear();
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
