import knex, { type Knex } from 'knex';
import pg from 'pg';

// count(*) and other bigints arrive as strings by default; our counts fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export type Db = Knex;
export type Conn = Knex | Knex.Transaction;

export function createDb(connectionString: string, opts: { poolMax?: number } = {}): Db {
  return knex({
    client: 'pg',
    connection: { connectionString, application_name: 'baton' },
    // min 0: idle connections are closed, so a stopped database does not leave broken ones behind.
    pool: { min: 0, max: opts.poolMax ?? 10 },
    acquireConnectionTimeout: 10_000,
  });
}

/** Stable 63-bit key for a named advisory lock (hashtext is built in and deterministic). */
export async function advisoryXactLock(trx: Knex.Transaction, name: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`baton:${name}`]);
}
