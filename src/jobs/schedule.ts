import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../lib/logger.js';
import type { KnowledgeService } from '../services/knowledge/knowledge-service.js';

/**
 * Every scheduled job, in one table. Each calls one service method that is safe to run twice
 * (queuing a sync that is already queued returns the queued one), so two replicas firing the
 * same tick do no harm.
 */
export function startSchedule(opts: { knowledge: KnowledgeService; purgeRateLimits: () => Promise<number>; logger: Logger; syncSchedule: string | undefined; timeZone: string }): { stop(): void } {
  const jobs: { name: string; cron: string | undefined; run: () => Promise<unknown> }[] = [
    { name: 'queue-due-website-syncs', cron: opts.syncSchedule, run: () => opts.knowledge.requestScheduledSyncs() },
    // Expired rate-limit counters are dead weight; deleting them twice is harmless.
    { name: 'purge-expired-rate-limits', cron: '*/10 * * * *', run: () => opts.purgeRateLimits() },
  ];
  const tasks: ScheduledTask[] = [];
  for (const job of jobs) {
    if (!job.cron) continue;
    tasks.push(
      cron.schedule(
        job.cron,
        async () => {
          try {
            const result = await job.run();
            opts.logger.info({ job: job.name, result }, 'scheduled job ran');
          } catch (err) {
            opts.logger.error({ err, job: job.name }, 'scheduled job failed');
          }
        },
        { name: job.name, timezone: opts.timeZone, noOverlap: true },
      ),
    );
  }
  return {
    stop() {
      for (const t of tasks) void t.stop();
    },
  };
}
