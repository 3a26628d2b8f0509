import fs from 'node:fs';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/adapters/storage/embedded-postgres.js';
import { loadConfig, type Env } from '../src/config.js';
import { createContainer, type Container, type ContainerOverrides } from '../src/container.js';
import { createApp } from '../src/http/app.js';

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

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const summary = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} ms · p95 ${pct(s, 95).toFixed(1)} ms · max ${s.at(-1)!.toFixed(1)} ms`;
};

/** A port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The container's app on a loopback port. */
export async function serve(c: Container): Promise<{ url: string; server: Server }> {
  const server = createApp(c).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Signs in through the login form like a browser: the session cookie and a CSRF token. */
export async function signIn(base: string, email: string): Promise<{ cookie: string }> {
  const login = await fetch(`${base}/login`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ email, password: 'a long enough password', _csrf: csrf }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (res.status !== 303 || !session) throw new Error(`sign-in failed: ${res.status}`);
  return { cookie: session };
}
