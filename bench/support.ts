import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/adapters/storage/embedded-postgres.js';
import { loadConfig, type Env } from '../src/config.js';
import { createContainer, type Container, type ContainerOverrides } from '../src/container.js';

/** A real container on a throwaway embedded Postgres, for one benchmark; cleaned up after. */
export async function withBenchContainer<T>(name: string, env: Env, work: (c: Container) => Promise<T>, overrides: ContainerOverrides = {}): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baton-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: 40_000 + Math.floor(Math.random() * 20_000) });
  const container = await createContainer(loadConfig({ DATABASE_URL: pg.url, DATA_DIR: dir, SESSION_SECRET: 'b'.repeat(40), CRAWL_DELAY_MS: '0', ...env }), pino({ level: 'silent' }), overrides);
  try {
    await container.migrate();
    return await work(container);
  } finally {
    await container.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
