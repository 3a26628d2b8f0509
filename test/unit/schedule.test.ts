import cron from 'node-cron';
import { describe, expect, it, vi } from 'vitest';
import { startSchedule } from '../../src/jobs/schedule.js';
import type { Logger } from '../../src/lib/logger.js';

describe('the schedule', () => {
  it("follows a change of the organisation's time zone without a restart", async () => {
    let zone = 'UTC';
    const logger = { info: vi.fn(), warn: vi.fn(), debug: vi.fn(), error: vi.fn() } as unknown as Logger;
    const locker = { withLock: <T>(_: string, w: () => Promise<T>) => w(), tryWithLock: async <T>(_: string, w: () => Promise<T>) => ({ ran: true as const, result: await w() }) };
    const schedule = await startSchedule({ jobs: [{ name: 'nightly-test-job', cron: '41 3 * * *', run: async () => 'done' }], locker, logger, timeZone: async () => zone, recheckMs: 3_600_000 });
    const ours = () => [...cron.getTasks().values()].filter((t) => t.name === 'nightly-test-job');
    try {
      expect(schedule.timeZone()).toBe('UTC');
      expect(ours()).toHaveLength(1);
      await schedule.recheck();
      expect(logger.info).not.toHaveBeenCalled();

      zone = 'Europe/Copenhagen';
      await schedule.recheck();
      expect(schedule.timeZone()).toBe('Europe/Copenhagen');
      expect(logger.info).toHaveBeenCalledWith({ from: 'UTC', to: 'Europe/Copenhagen' }, "scheduled jobs follow the organisation's new time zone");
      // Scheduled again in the new zone, the old task gone from node-cron's registry.
      expect(ours()).toHaveLength(1);
      schedule.stop();
      zone = 'Asia/Tokyo';
      await schedule.recheck();
      expect(ours()).toHaveLength(0);
    } finally {
      schedule.stop();
    }
  });
});
