import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/adapters/storage/embedded-postgres.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { freePort } from '../support/ports.js';

/**
 * A Postgres of its own (the shared test server cannot be restarted under the other test files),
 * stopped and started again while a visitor keeps writing.
 */
let dir: string;
let port: number;
let pg: EmbeddedPostgres;
let t: TestApp | undefined;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baton-fault-pg-'));
  await fs.chmod(dir, 0o755);
  port = await freePort();
  pg = await startEmbeddedPostgres({ dataDir: dir, port, database: 'baton_fault' });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await pg?.stop();
  await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Postgres restarted during traffic', () => {
  it('reconnects by itself, /readyz says what is down meanwhile, and every acknowledged message is kept, once', async () => {
    t = await startTestApp({ env: { DATABASE_URL: pg.url, WIDGET_VISITOR_MESSAGES_PER_MINUTE: '1000' } });
    const api = supertest(t.app);
    const { token } = (await api.post('/api/v1/visitors').send({}).expect(201)).body as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const conv = (await api.post('/api/v1/conversations').set(auth).send({}).expect(201)).body as { id: string };
    const acknowledged = new Set<string>();
    const refused: string[] = [];
    const send = async (clientId: string) => {
      const res = await api.post(`/api/v1/conversations/${conv.id}/messages`).set(auth).send({ text: `Message ${clientId}`, clientId });
      if (res.status === 201) acknowledged.add(clientId);
      else {
        refused.push(`${clientId}: ${res.status}`);
        // However it failed, the visitor was told something sensible, not a stack trace.
        expect(res.status).toBeGreaterThanOrEqual(500);
        expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+|ECONNREFUSED|password/);
      }
    };
    for (let i = 0; i < 5; i++) await send(`before-${i}`);
    expect(acknowledged.size).toBe(5);
    const printed = vi.spyOn(console, 'log');

    await pg.stop();
    for (let i = 0; i < 3; i++) await send(`during-${i}`);
    const down = await api.get('/readyz');
    expect(down.status).toBe(503);
    expect(JSON.stringify(down.body)).toContain('database');
    // The liveness probe stays up: restarting the app would not help.
    expect((await api.get('/healthz')).status).toBe(200);

    pg = await startEmbeddedPostgres({ dataDir: dir, port, database: 'baton_fault' });
    await until(async () => (await api.get('/readyz')).status === 200, 30_000);
    // The widget sends again what was not acknowledged, with the same clientIds.
    for (let i = 0; i < 3; i++) await send(`during-${i}`);
    for (let i = 0; i < 5; i++) await send(`after-${i}`);
    expect(acknowledged.size).toBe(13);

    const stored = (await t.container.db('messages').where({ conversation_id: conv.id, author: 'visitor' }).pluck('client_id')) as string[];
    expect(stored.sort()).toEqual([...acknowledged].sort());

    // knex's own complaints went to the JSON log, one line each, not to stdout.
    const knexLines = t.logs.filter((l) => String(l.msg).startsWith('database: '));
    expect(knexLines.length).toBeGreaterThan(0);
    expect(knexLines.every((l) => l.level === 40 && !String(l.msg).includes('\n'))).toBe(true);
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
  }, 120_000);
});
