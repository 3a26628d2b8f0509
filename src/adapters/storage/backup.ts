import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { migrationStatus } from './migrate.js';
import type { Db } from './db.js';

/**
 * `baton backup` and `baton restore`: the whole database as gzipped JSON lines, made and read by
 * Postgres itself (row_to_json out, json_populate_recordset in), so they work with the embedded
 * Postgres and with any server, without pg_dump. A backup is one consistent snapshot (a
 * repeatable-read transaction); a restore is one transaction: all of it, or nothing.
 *
 * Line 1 is the header; each further line is up to BATCH rows of one table.
 */
const FORMAT = 'baton-backup';
const BATCH = 500;
/** knex's own bookkeeping: the schema is the migrations', and must match, not be copied. */
const SKIPPED = new Set(['knex_migrations', 'knex_migrations_lock']);

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

/** The tables, each after those its foreign keys point to, so a restore can load them in order. */
async function tablesOf(db: Db): Promise<string[]> {
  const rows = (await db.raw(`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`)) as { rows: { table_name: string }[] };
  const names = rows.rows.map((r) => r.table_name).filter((t) => !SKIPPED.has(t));
  const fks = (await db.raw(
    `select c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`,
  )) as { rows: { child: string; parent: string }[] };
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of fks.rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) place(parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of names) place(name, new Set());
  return ordered;
}

export async function backupDatabase(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const out = createGzip();
  const sink = createWriteStream(file, { mode: 0o600 });
  out.pipe(sink);
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  let rows = 0;
  const { applied } = await migrationStatus(db);
  const tables = await tablesOf(db);
  await db.transaction(
    async (trx) => {
      await write({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: applied, tables } satisfies Header);
      for (const table of tables) {
        // Keyset pages by the row's physical address: no ORDER BY over a whole big table.
        let after = '(0,0)';
        for (;;) {
          const page = (await trx.raw(`select ctid::text as at, row_to_json(t) as row from ?? t where ctid > ?::tid order by ctid limit ${BATCH}`, [table, after])) as { rows: { at: string; row: unknown }[] };
          if (!page.rows.length) break;
          await write({ table, rows: page.rows.map((r) => r.row) });
          rows += page.rows.length;
          after = page.rows.at(-1)!.at;
        }
      }
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
  out.end();
  await once(sink, 'finish');
  return { tables: tables.length, rows };
}

export class RestoreRefusedError extends Error {}

/**
 * Replaces everything in the database with the backup's rows. The database must be at the same
 * migrations as the backup (restore with the version of Baton that made it, then upgrade).
 */
export async function restoreDatabase(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  let header: Header | undefined;
  let rows = 0;
  const { applied } = await migrationStatus(db);
  const tables = await tablesOf(db);
  await db.transaction(async (trx) => {
    // Opened here, where it is read at once: a stream opened earlier flows on while other work
    // is awaited, and its lines would be gone before the loop starts.
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (!header) {
        const first = JSON.parse(line) as Partial<Header>;
        if (first.format !== FORMAT || first.version !== 1) throw new RestoreRefusedError(`${file} is not a Baton backup.`);
        if (JSON.stringify(first.migrations) !== JSON.stringify(applied)) {
          throw new RestoreRefusedError(`This backup was made at another database version (its last migration: ${first.migrations?.at(-1) ?? 'none'}; this database: ${applied.at(-1) ?? 'none'}). Restore it with the version of Baton that made it, then upgrade.`);
        }
        header = first as Header;
        // Tables come in the backup's order, parents before children (see tablesOf).
        await trx.raw(`truncate ${tables.map(() => '??').join(', ')} restart identity cascade`, tables);
        continue;
      }
      const batch = JSON.parse(line) as { table: string; rows: unknown[] };
      if (!tables.includes(batch.table)) throw new RestoreRefusedError(`The backup has a table this database does not: ${batch.table}.`);
      await trx.raw(`insert into ?? select * from json_populate_recordset(null::??, ?::json)`, [batch.table, batch.table, JSON.stringify(batch.rows)]);
      rows += batch.rows.length;
    }
    if (!header) throw new RestoreRefusedError(`${file} is empty.`);
    // Serial columns continue after the restored rows.
    const serials = (await trx.raw(`select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%'`)) as { rows: { table_name: string; column_name: string }[] };
    for (const s of serials.rows) {
      await trx.raw(`select setval(pg_get_serial_sequence(?, ?), coalesce((select max(??) from ??), 0) + 1, false)`, [s.table_name, s.column_name, s.column_name, s.table_name]);
    }
  });
  return { tables: header!.tables.length, rows };
}
