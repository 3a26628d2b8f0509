import type { Knex } from 'knex';
import { migrations } from '../../../migrations/index.js';
import { advisoryXactLock, type Db } from './db.js';

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};

/**
 * Applies pending migrations. Safe to re-run, and safe when two replicas start at once: the
 * advisory lock makes the second wait for the first instead of failing on knex's own lock table.
 * Returns the names applied by this call.
 */
export async function migrateLatest(db: Db): Promise<string[]> {
  return db.transaction(async (trx) => {
    await advisoryXactLock(trx, 'migrations');
    // The lock is held by trx's connection while migrate.latest uses others from the pool.
    const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
    return applied;
  });
}

export async function migrationStatus(db: Db): Promise<{ applied: string[]; pending: string[] }> {
  const [applied, pending] = (await db.migrate.list({ migrationSource })) as [{ name: string }[], string[]];
  return { applied: applied.map((m) => m.name), pending };
}
