import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, RestoreRefusedError, restoreDatabase } from '../../src/adapters/storage/backup.js';
import { createUser, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-backup-'));
afterEach(async () => {
  await t?.close();
});

/** Rows per table, for comparing a database before and after. */
async function counts(app: TestApp): Promise<Record<string, number>> {
  const tables = (await app.container.db.raw(`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'knex_%' order by 1`)) as { rows: { table_name: string }[] };
  const out: Record<string, number> = {};
  for (const { table_name } of tables.rows) out[table_name] = Number(((await app.container.db(table_name).count('* as n').first()) as { n: string }).n);
  return out;
}

describe('baton backup and restore', () => {
  it('round-trips the whole database: rows, search, conversations, sequences', async () => {
    t = await startTestApp();
    const ada = await createUser(t, { email: 'ada@example.com', name: 'Ada', role: 'admin' });
    const { knowledge, visitors, conversations } = t.container.services;
    await knowledge.createSnippet(ada, { question: 'How do I return a parcel?', answer: 'Print the label from your order page and drop it at a post office.' });
    const { visitor } = await visitors.createVisitor({ language: 'en' });
    const conversation = await conversations.start(visitor);
    await conversations.receive(visitor, conversation.id, { text: 'Where is my parcel?' });
    const before = await counts(t);
    expect(before.chunks).toBeGreaterThan(0);
    expect(before.audit_events).toBeGreaterThan(0);

    const file = path.join(dir, 'one.backup');
    const made = await backupDatabase(t.container.db, file);
    expect(made.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    // Changed after the backup: a snippet deleted, another added.
    const [returns] = await knowledge.listSources();
    await knowledge.deleteSource(ada, returns!.id);
    await knowledge.createSnippet(ada, { question: 'Do you ship abroad?', answer: 'Yes, to every country in the EU.' });

    await restoreDatabase(t.container.db, file);
    expect(await counts(t)).toEqual(before);
    expect((await knowledge.search('return a parcel label post office')).hits[0]?.chunk.title).toBe('How do I return a parcel?');
    expect((await knowledge.listSources()).map((s) => s.name)).toEqual(['How do I return a parcel?']);
    expect((await conversations.get(visitor, conversation.id)).messages.map((m) => m.text)).toContain('Where is my parcel?');
    // Serial ids continue after the restored rows.
    await knowledge.createSnippet(ada, { question: 'Is there a warranty?', answer: 'Two years on everything.' });
  });

  it('refuses a backup from another database version, or not a backup at all, and changes nothing', async () => {
    t = await startTestApp();
    const ada = await createUser(t, { email: 'ada@example.com', role: 'admin' });
    await t.container.services.knowledge.createSnippet(ada, { question: 'How do I return a parcel?', answer: 'Print the label.' });
    const file = path.join(dir, 'two.backup');
    await backupDatabase(t.container.db, file);
    const lines = gunzipSync(fs.readFileSync(file)).toString().split('\n');
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations = header.migrations.slice(0, -1);
    const older = path.join(dir, 'older.backup');
    fs.writeFileSync(older, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    const before = await counts(t);
    await expect(restoreDatabase(t.container.db, older)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(t.container.db, older)).rejects.toThrow(/another database version .* Restore it with the version of Baton that made it/);
    const notOne = path.join(dir, 'not.backup');
    fs.writeFileSync(notOne, gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(t.container.db, notOne)).rejects.toThrow('is not a Baton backup');
    expect(await counts(t)).toEqual(before);
  });
});
