import type { Locker } from '../../services/ports.js';
import { advisoryXactLock, type Db } from './db.js';

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
}
