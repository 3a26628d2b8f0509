import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/adapters/storage/db.js';
import { migrateLatest, migrationStatus } from '../../src/adapters/storage/migrate.js';
import { migrations } from '../../migrations/index.js';
import { freshDatabaseUrl } from '../support/db.js';

const name = `baton_migrate_w${process.env.VITEST_POOL_ID ?? '1'}`;
const dbs: Db[] = [];

const freshDatabase = () => freshDatabaseUrl(name);

afterAll(async () => {
  await Promise.all(dbs.map((d) => d.destroy()));
});

describe('migrations', () => {
  it('apply once when two replicas start at the same moment, and are safe to re-run', async () => {
    const url = await freshDatabase();
    const a = createDb(url);
    const b = createDb(url);
    dbs.push(a, b);
    const [ranA, ranB] = await Promise.all([migrateLatest(a), migrateLatest(b)]);
    // Exactly one replica applied them; the other waited on the lock and found nothing to do.
    expect([ranA.length, ranB.length].sort()).toEqual([0, Object.keys(migrations).length]);
    expect(await migrateLatest(a)).toEqual([]);
    const status = await migrationStatus(a);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(Object.keys(migrations));
    const tables = await a.raw<{ rows: { tablename: string }[] }>("select tablename from pg_tables where schemaname = 'public' order by 1");
    expect(tables.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['organisations', 'session', 'user_tokens', 'users']));
  });

  it("give chunks stored before an upgrade their index terms, as the ranking reads them", async () => {
    const db = createDb(await freshDatabaseUrl(`${name}_terms`));
    dbs.push(db);
    const names = Object.keys(migrations);
    const last = names.indexOf('20261207100000_add_chunk_terms');
    for (const n of names.slice(0, last)) await migrations[n]!.up(db);
    const [source] = (await db('sources').insert({ kind: 'snippet', name: 'Old' }).returning('id')) as { id: string }[];
    await db('chunks').insert({ source_id: source!.id, url: '', title: 'Settings', heading_path: ['Files'], language: 'en', text: 'Edit config/settings.yml, then restart.', position: 0, search_config: 'english', tsv: db.raw("to_tsvector('english', 'x')") });
    await migrations[names[last]!]!.up(db);
    const [row] = (await db('chunks').select(db.raw('terms::text as terms'))) as { terms: string }[];
    for (const term of ['set', 'file', 'edit', 'config', 'yml', 'restart']) expect(row!.terms).toContain(`'${term}'`);
  });

  it('are named YYYYMMDDHHMMSS_<verb>_<object> and listed in order', () => {
    const names = Object.keys(migrations);
    for (const n of names) expect(n).toMatch(/^\d{14}_[a-z]+(_[a-z0-9]+)+$/);
    expect([...names].sort()).toEqual(names);
  });
});
