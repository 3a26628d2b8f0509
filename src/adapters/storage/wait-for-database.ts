import type { Logger } from '../../lib/logger.js';
import type { Db } from './db.js';

/** Postgres did not answer in time: said in words, without a stack (start-up stops on it). */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Errors that mean "not up yet" rather than "wrong": refused, unresolvable yet, starting up. */
const NOT_YET = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '57P03', 'TIMEOUT', 'RESTARTING']);

/**
 * Waits for an external Postgres to answer before migrating: under compose it may still be
 * initialising on first boot. Retries with backoff (0.5 s doubling to 5 s) and a log line each
 * time, up to `seconds`; a wrong password or database name fails at once, as it will not mend.
 */
export async function waitForDatabase(db: Db, opts: { seconds: number; where: string; logger: Logger; sleep?: (ms: number) => Promise<void> }): Promise<void> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + opts.seconds * 1000;
  for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
    try {
      await db.raw('select 1');
      return;
    } catch (err) {
      const e = err as { code?: string; name?: string; message?: string };
      // The pool's own timeout (an address that does not answer) and a server restarting during
      // its first boot are "not yet" too.
      const code = e.code ?? (e.name === 'KnexTimeoutError' ? 'TIMEOUT' : /Connection terminated unexpectedly/.test(e.message ?? '') ? 'RESTARTING' : '');
      if (!NOT_YET.has(code)) throw err;
      if (Date.now() + delay > deadline) throw new DatabaseUnavailableError(`Postgres at ${opts.where} did not answer within ${opts.seconds} s (${code}): check DATABASE_URL and that Postgres is running (DATABASE_WAIT_SECONDS sets how long to wait).`);
      opts.logger.warn({ code }, `waiting for Postgres at ${opts.where} (${code}); trying again in ${(delay / 1000).toFixed(1)} s`);
      await sleep(delay);
    }
  }
}
