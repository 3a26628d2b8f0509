import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/adapters/storage/embedded-postgres.js';
import { freePort } from './support/ports.js';

declare module 'vitest' {
  interface ProvidedContext {
    pgUrl: string;
  }
}

let server: EmbeddedPostgres | undefined;
let dir: string | undefined;

/** One real Postgres for the whole run: TEST_DATABASE_URL when given, else embedded in a temp dir. */
export async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'baton-test-'));
  // mkdtemp makes a 0700 directory; embedded Postgres runs as "postgres" under root and must enter it.
  await fs.chmod(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: 'baton_test' });
  project.provide('pgUrl', server.url);
}

export async function teardown() {
  await server?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}
