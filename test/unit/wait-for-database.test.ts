import { describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailableError, waitForDatabase } from '../../src/adapters/storage/wait-for-database.js';
import type { Db } from '../../src/adapters/storage/db.js';
import type { Logger } from '../../src/lib/logger.js';

const failing = (codes: string[]) => {
  let calls = 0;
  const db = { raw: vi.fn(async () => {
    const code = codes[calls++];
    if (code) throw Object.assign(new Error(`connect ${code}`), { code });
    return { rows: [{ '?column?': 1 }] };
  }) };
  return db as unknown as Db & { raw: typeof db.raw };
};
const logger = () => ({ warn: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> };
const noSleep = async () => {};

describe('waiting for Postgres at start', () => {
  it('retries while it is not up yet, saying so each time, then goes on', async () => {
    const db = failing(['ECONNREFUSED', '57P03']);
    const log = logger();
    await waitForDatabase(db, { seconds: 60, where: 'postgres:5432', logger: log, sleep: noSleep });
    expect(db.raw).toHaveBeenCalledTimes(3);
    expect(log.warn).toHaveBeenCalledWith({ code: 'ECONNREFUSED' }, 'waiting for Postgres at postgres:5432 (ECONNREFUSED); trying again in 0.5 s');
    expect(log.warn).toHaveBeenCalledWith({ code: '57P03' }, 'waiting for Postgres at postgres:5432 (57P03); trying again in 1.0 s');
  });

  it("retries the pool's own timeout and a server restarting during its first boot", async () => {
    let calls = 0;
    const db = { raw: vi.fn(async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' });
      if (calls === 2) throw new Error('Connection terminated unexpectedly');
      return {};
    }) } as unknown as Db;
    await waitForDatabase(db, { seconds: 60, where: 'postgres:5432', logger: logger(), sleep: noSleep });
    expect(calls).toBe(3);
  });

  it('fails at once on a mistake that waiting will not mend (a wrong password)', async () => {
    const db = failing(['28P01']);
    await expect(waitForDatabase(db, { seconds: 60, where: 'postgres:5432', logger: logger(), sleep: noSleep })).rejects.toMatchObject({ code: '28P01' });
    expect(db.raw).toHaveBeenCalledTimes(1);
  });

  it('gives up after the time allowed, in words', async () => {
    const db = failing(Array.from({ length: 100 }, () => 'ECONNREFUSED'));
    const err = await waitForDatabase(db, { seconds: 0, where: 'postgres:5432', logger: logger(), sleep: noSleep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toBe('Postgres at postgres:5432 did not answer within 0 s (ECONNREFUSED): check DATABASE_URL and that Postgres is running (DATABASE_WAIT_SECONDS sets how long to wait).');
  });
});
