import type { Logger } from '../lib/logger.js';
import type { KnowledgeService } from '../services/knowledge/knowledge-service.js';
import type { SyncRun } from '../services/knowledge/types.js';

export interface IngestionWorker {
  /** Lets the sync in progress stop at its next page (it is queued again) and waits for that. */
  stop(): Promise<void>;
}

/**
 * Runs queued syncs one after another. The queue is the sync_runs table, so work survives a
 * restart, and any number of replicas can run this loop: each run is claimed by one of them.
 */
export function startIngestionWorker(opts: { knowledge: KnowledgeService; logger: Logger; idleMs?: number; onFinished?: (run: SyncRun) => void }): IngestionWorker {
  const controller = new AbortController();
  const idle = () =>
    new Promise<void>((resolve) => {
      const wake = () => (clearTimeout(timer), resolve());
      // The listener goes when the pause ends: one left behind per idle second is a slow leak.
      const timer = setTimeout(() => (controller.signal.removeEventListener('abort', wake), resolve()), opts.idleMs ?? 1000);
      controller.signal.addEventListener('abort', wake, { once: true });
    });
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        const run = await opts.knowledge.runNextSync(controller.signal);
        if (run) {
          opts.logger.info({ sourceId: run.sourceId, runId: run.id, status: run.status, indexed: run.indexed, unchanged: run.unchanged, failed: run.failed }, 'sync finished');
          opts.onFinished?.(run);
          continue;
        }
      } catch (err) {
        opts.logger.error({ err }, 'the ingestion worker hit an error; retrying shortly');
      }
      await idle();
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
