import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DomainEvent } from '../../services/events.js';
import type { ChatModel, EventBus, SearchIndex } from '../../services/ports.js';

/** What is read at each scrape rather than counted as it happens. */
export interface MetricsSources {
  /** Emails in the outbox by state (pending, failed, held…). */
  outbox: () => Promise<Record<string, number>>;
  /** Live streams this process holds open, by who holds them. */
  liveStreams: () => { visitor: number; team: number };
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60];

/**
 * Baton's Prometheus metrics (GET /metrics with METRICS_TOKEN): what visitors ask and how it is
 * answered, handoffs by reason, the LLM's latency, tokens and failures, search latency and
 * fallbacks, the outbox, live streams, ingestion and scheduled jobs, and the process itself.
 * Counters count in this process: Prometheus sums the replicas.
 */
export class BatonMetrics {
  readonly registry = new Registry();
  readonly #r = [this.registry];
  readonly messages = new Counter({ name: 'baton_messages_total', help: 'Messages stored, by author (visitor, assistant, agent, system).', labelNames: ['author'], registers: this.#r });
  readonly transitions = new Counter({ name: 'baton_conversation_transitions_total', help: 'Conversation status changes, by transition (hand_off, claim, resolve…).', labelNames: ['transition'], registers: this.#r });
  readonly handoffs = new Counter({ name: 'baton_handoffs_total', help: 'Conversations handed to the team, by reason.', labelNames: ['reason'], registers: this.#r });
  readonly llmSeconds = new Histogram({ name: 'baton_llm_request_duration_seconds', help: 'LLM requests (answers, drafts, rewrites, notes), by outcome.', labelNames: ['kind', 'outcome'], buckets: SECONDS, registers: this.#r });
  readonly llmTokens = new Counter({ name: 'baton_llm_tokens_total', help: 'LLM tokens reported by the model (prompt and completion).', labelNames: ['kind'], registers: this.#r });
  readonly searchSeconds = new Histogram({ name: 'baton_search_duration_seconds', help: 'Candidate searches, by backend.', labelNames: ['backend', 'outcome'], buckets: SECONDS, registers: this.#r });
  readonly searchFallbacks = new Counter({ name: 'baton_search_fallbacks_total', help: 'Searches answered by Postgres because the configured index failed.', registers: this.#r });
  readonly syncRuns = new Counter({ name: 'baton_sync_runs_total', help: 'Knowledge syncs finished, by source kind and status.', labelNames: ['kind', 'status'], registers: this.#r });
  readonly syncSeconds = new Histogram({ name: 'baton_sync_run_duration_seconds', help: 'How long knowledge syncs took, by source kind.', labelNames: ['kind'], buckets: [1, 5, 15, 60, 300, 900, 3600], registers: this.#r });
  readonly integrationAttempts = new Counter({ name: 'baton_integration_attempts_total', help: 'Webhook and alert delivery attempts, by outcome (delivered, retrying, failed).', labelNames: ['outcome'], registers: this.#r });
  readonly jobRuns = new Counter({ name: 'baton_job_runs_total', help: 'Scheduled job runs, by job and outcome (ran, skipped on this replica, failed).', labelNames: ['job', 'outcome'], registers: this.#r });
  readonly jobSeconds = new Histogram({ name: 'baton_job_duration_seconds', help: 'How long scheduled jobs took.', labelNames: ['job'], buckets: SECONDS, registers: this.#r });

  #liveStreams: MetricsSources['liveStreams'] = () => ({ visitor: 0, team: 0 });

  /** The HTTP edge knows its streams: it says how to count them. */
  countStreamsWith(source: MetricsSources['liveStreams']): void {
    this.#liveStreams = source;
  }

  constructor(sources: Pick<MetricsSources, 'outbox'>) {
    const streams = () => this.#liveStreams();
    const registers = this.#r;
    new Gauge({
      name: 'baton_outbox_emails',
      help: 'Emails in the outbox by state (pending waits to be sent or retried; failed gave up).',
      labelNames: ['state'],
      registers,
      async collect() {
        this.reset();
        // A database that does not answer leaves this gauge empty for the scrape, not the whole
        // scrape failed: the other metrics matter most just then.
        const found = await sources.outbox().catch(() => undefined);
        if (!found) return;
        // The states that need watching are always there (a zero is a reading too).
        const counts = { pending: 0, held: 0, failed: 0, ...found };
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'baton_live_streams',
      help: 'Live streams this process holds open, by who holds them (visitor widgets and API clients, the team inbox).',
      labelNames: ['holder'],
      registers,
      collect() {
        const open = streams();
        this.set({ holder: 'visitor' }, open.visitor);
        this.set({ holder: 'team' }, open.team);
      },
    });
    // Node's own: baton_process_resident_memory_bytes, baton_nodejs_eventloop_lag_seconds…
    collectDefaultMetrics({ register: this.registry, prefix: 'baton_' });
  }

  /** The event bus, counting what this replica publishes (each event once, where it happened). */
  countEvents(bus: EventBus): EventBus {
    return {
      publish: (event: DomainEvent) => {
        if (event.type === 'message.created' && !event.internal) this.messages.inc({ author: event.author });
        if (event.type === 'conversation.transitioned') {
          this.transitions.inc({ transition: event.transition });
          if (event.transition === 'hand_off') this.handoffs.inc({ reason: event.reason ?? 'unknown' });
        }
        return bus.publish(event);
      },
      subscribe: (listener) => bus.subscribe(listener),
    };
  }

  /** The LLM, timed and its tokens counted. `kind` tells apart what it is asked for. */
  timeChat(chat: ChatModel, kind = 'chat'): ChatModel {
    const { llmSeconds, llmTokens } = this;
    const tokens = (usage: { promptTokens: number; completionTokens: number }) => llmTokens.inc({ kind }, usage.promptTokens + usage.completionTokens);
    return {
      async complete(request) {
        const end = llmSeconds.startTimer({ kind });
        try {
          const res = await chat.complete(request);
          end({ outcome: 'ok' });
          tokens(res);
          return res;
        } catch (err) {
          end({ outcome: 'failed' });
          throw err;
        }
      },
      async *stream(request) {
        const end = llmSeconds.startTimer({ kind });
        let outcome = 'failed';
        try {
          yield* chat.stream({ ...request, onUsage: (u) => (tokens(u), request.onUsage?.(u)) });
          outcome = 'ok';
        } finally {
          end({ outcome });
        }
      },
    };
  }

  /** A search index, its searches timed. */
  timeSearch(index: SearchIndex): SearchIndex {
    const seconds = this.searchSeconds;
    return new Proxy(index, {
      get(target, prop, receiver) {
        // Methods run on the index itself (its #private fields are not the proxy's).
        if (prop !== 'search') {
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return async (...args: Parameters<SearchIndex['search']>) => {
          const end = seconds.startTimer({ backend: target.backend });
          try {
            const hits = await target.search(...args);
            end({ outcome: 'ok' });
            return hits;
          } catch (err) {
            end({ outcome: 'failed' });
            throw err;
          }
        };
      },
    });
  }

  syncFinished(run: { status: string; startedAt: Date | null; finishedAt: Date | null }, kind: string): void {
    this.syncRuns.inc({ kind, status: run.status });
    if (run.startedAt && run.finishedAt) this.syncSeconds.observe({ kind }, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
  }

  jobRan(job: string, outcome: 'ran' | 'skipped' | 'failed', seconds: number): void {
    this.jobRuns.inc({ job, outcome });
    if (outcome !== 'skipped') this.jobSeconds.observe({ job }, seconds);
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
