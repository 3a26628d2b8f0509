import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../lib/logger.js';
import type { Locker } from '../services/ports.js';

export interface Job {
  name: string;
  /** node-cron expression (seconds first when six fields); undefined: not scheduled. */
  cron: string | undefined;
  run: () => Promise<unknown>;
}

/** The jobs' services, as the container has them. */
export interface JobServices {
  knowledge: { requestScheduledSyncs(): Promise<unknown> };
  followups: { dispatch(): Promise<unknown>; releaseReplies(): Promise<unknown>; remindWaiting(): Promise<unknown> };
  auth: { purgeExpired(): Promise<unknown> };
  insights: { weeklyDigest(): Promise<unknown> };
  privacy: { purge(): Promise<unknown> };
  integrations: { dispatch(): Promise<unknown>; prune(): Promise<unknown> };
  purgeRateLimits: () => Promise<number>;
}

/**
 * Every scheduled job, in one table. Each calls one service method that takes its time from the
 * clock and is safe to run twice; each also runs under a Postgres advisory lock, so with two
 * replicas a tick runs on one of them and the other skips it.
 */
export function jobs(s: JobServices, opts: { syncSchedule: string | undefined }): Job[] {
  return [
    // The outbox: what is due goes out within seconds; retries are spaced by the service.
    { name: 'dispatch-outbox', cron: '*/5 * * * * *', run: () => s.followups.dispatch() },
    // Webhooks and alerts: what happened is fanned out and sent within seconds; retries are spaced by the service.
    { name: 'dispatch-integrations', cron: '*/5 * * * * *', run: () => s.integrations.dispatch() },
    // Agents' replies to visitors who left: batched, then handed to the outbox.
    { name: 'release-reply-batches', cron: '*/15 * * * * *', run: () => s.followups.releaseReplies() },
    { name: 'remind-waiting-conversations', cron: '0 * * * * *', run: () => s.followups.remindWaiting() },
    { name: 'queue-due-website-syncs', cron: opts.syncSchedule, run: () => s.knowledge.requestScheduledSyncs() },
    // Hourly, so a server that was down on Monday morning still sends last week's; once per admin and week.
    { name: 'send-weekly-digest', cron: '7 * * * *', run: () => s.insights.weeklyDigest() },
    // Retention: daily, at night in the organisation's time zone; a missed night is caught up the next.
    { name: 'purge-past-retention', cron: '41 3 * * *', run: () => s.privacy.purge() },
    { name: 'purge-expired-sessions-and-tokens', cron: '23 * * * *', run: () => s.auth.purgeExpired() },
    { name: 'purge-old-integration-deliveries', cron: '29 * * * *', run: () => s.integrations.prune() },
    // Expired rate-limit counters are dead weight; deleting them twice is harmless.
    { name: 'purge-expired-rate-limits', cron: '*/10 * * * *', run: () => s.purgeRateLimits() },
  ];
}

const SKIPPED = 'skipped: running on another replica';

/** Runs one job under its lock: the result, or `skipped` when another replica has it. */
export async function runJob(job: Job, locker: Locker): Promise<unknown> {
  const outcome = await locker.tryWithLock(`job:${job.name}`, job.run);
  return outcome.ran ? outcome.result : SKIPPED;
}

/**
 * Starts every job with a cron expression, in the organisation's time zone ("at night" means its
 * night). The zone is read again every `recheckMs`: after the admin changes it, the jobs are
 * scheduled again in the new one, without a restart.
 */
export async function startSchedule(opts: { jobs: Job[]; locker: Locker; logger: Logger; timeZone: () => Promise<string>; recheckMs?: number; onRun?: (job: string, outcome: 'ran' | 'skipped' | 'failed', seconds: number) => void }): Promise<{ stop(): void; recheck(): Promise<void>; timeZone(): string }> {
  let tasks: ScheduledTask[] = [];
  let zone = await opts.timeZone();
  let stopped = false;
  let checks = 0;
  // destroy, not stop: a stopped task stays in node-cron's registry, one set per zone change.
  const clear = () => {
    for (const t of tasks) void t.destroy();
    tasks = [];
  };
  const schedule = (timeZone: string) => {
    clear();
    for (const job of opts.jobs) {
      if (!job.cron) continue;
      const frequent = job.cron.split(/\s+/).length === 6;
      tasks.push(
        cron.schedule(
          job.cron,
          async () => {
            const started = performance.now();
            const seconds = () => (performance.now() - started) / 1000;
            try {
              const result = await runJob(job, opts.locker);
              // Jobs that tick every few seconds log only at debug, or the log is nothing else.
              opts.logger[frequent ? 'debug' : 'info']({ job: job.name, result }, 'scheduled job ran');
              opts.onRun?.(job.name, result === SKIPPED ? 'skipped' : 'ran', seconds());
            } catch (err) {
              opts.logger.error({ err, job: job.name }, 'scheduled job failed');
              opts.onRun?.(job.name, 'failed', seconds());
            }
          },
          { name: job.name, timezone: timeZone, noOverlap: true },
        ),
      );
    }
  };
  schedule(zone);
  const recheck = async () => {
    // Only the latest check applies, and none after stop().
    const check = ++checks;
    const now = await opts.timeZone();
    if (stopped || check !== checks || now === zone) return;
    opts.logger.info({ from: zone, to: now }, "scheduled jobs follow the organisation's new time zone");
    zone = now;
    schedule(zone);
  };
  const timer = setInterval(() => void recheck().catch((err: unknown) => opts.logger.warn({ err }, 'could not read the organisation time zone for the schedule')), opts.recheckMs ?? 60_000);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      clear();
    },
    recheck,
    timeZone: () => zone,
  };
}
