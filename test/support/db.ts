import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase, type Db } from '../../src/adapters/storage/db.js';

/**
 * The database for this worker: baton_test_w<VITEST_POOL_ID>, created on first use. Workers run
 * in parallel, each on its own database; files within a worker run one after another.
 */
export async function workerDatabaseUrl(): Promise<string> {
  const base = inject('pgUrl');
  const name = `baton_test_w${process.env.VITEST_POOL_ID ?? '1'}`;
  await ensureDatabase(base, name);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database (dropped first if a previous run left it), for tests of a fresh install. */
export async function freshDatabaseUrl(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: inject('pgUrl') });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Empties every table except knex's own, so each test starts from a fresh, migrated database. */
export async function truncateAll(db: Db): Promise<void> {
  const { rows } = await db.raw<{ rows: { tablename: string }[] }>(
    "select tablename from pg_tables where schemaname = current_schema() and tablename not like 'knex\\_%'",
  );
  if (!rows.length) return;
  await db.raw(`truncate table ${rows.map(() => '??').join(', ')} restart identity cascade`, rows.map((r) => r.tablename));
}
