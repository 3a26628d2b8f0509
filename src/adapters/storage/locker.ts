import type { Locker } from '../../services/ports.js';
import { advisoryXactLock, tryAdvisoryXactLock, type Db } from './db.js';

/**
 * Named locks across every app replica: a transaction holds a Postgres advisory lock while the
 * work runs (the work's own queries may use other connections; they commit before the lock goes).
 */
export class KnexLocker implements Locker {
  constructor(private readonly db: Db) {}

  withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.db.transaction(async (trx) => {
      await advisoryXactLock(trx, name);
      return work();
    });
  }

  tryWithLock<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
    return this.db.transaction(async (trx) => {
      if (!(await tryAdvisoryXactLock(trx, name))) return { ran: false as const };
      return { ran: true as const, result: await work() };
    });
  }
}
