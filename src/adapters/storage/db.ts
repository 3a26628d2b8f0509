import knex, { type Knex } from 'knex';
import pg from 'pg';

// count(*) and other bigints arrive as strings by default; our counts fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export type Db = Knex;
export type Conn = Knex | Knex.Transaction;

/** Where knex's own messages go (it prints them to stdout otherwise, outside the JSON log). */
export interface DbLog {
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export function createDb(connectionString: string, opts: { poolMax?: number; log?: DbLog } = {}): Db {
  const log = opts.log;
  // Its messages are strings, some carrying a stack ("Acquire connection error: …\n    at …").
  const text = (message: unknown) => (typeof message === 'string' ? message : String(message)).split('\n')[0]!;
  return knex({
    client: 'pg',
    ...(log
      ? {
          log: {
            warn: (m: unknown) => log.warn(text(m)),
            error: (m: unknown) => log.error(text(m)),
            debug: (m: unknown) => log.debug(text(m)),
            deprecate: (m: unknown) => log.warn(text(m)),
          },
        }
      : {}),
    connection: { connectionString, application_name: 'baton' },
    // min 0: idle connections are closed, so a stopped database does not leave broken ones behind.
    pool: { min: 0, max: opts.poolMax ?? 10 },
    acquireConnectionTimeout: 10_000,
  });
}

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Creates the database `name` on the server `serverUrl` points at, unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Stable 63-bit key for a named advisory lock (hashtext is built in and deterministic). */
/** Call inside a transaction: the lock is held until it ends. */
export async function advisoryXactLock(trx: Conn, name: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`baton:${name}`]);
}

/** Takes the lock if it is free (true), else returns false at once. Held until the transaction ends. */
export async function tryAdvisoryXactLock(trx: Conn, name: string): Promise<boolean> {
  const result = await trx.raw('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [`baton:${name}`]);
  return (result.rows[0] as { locked: boolean }).locked;
}
