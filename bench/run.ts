/**
 * `npm run bench`: measures what the current milestone promises and prints a table.
 *   - cold start: `npm start`'s entry (tsx src/main.ts) on a fresh data directory, until /setup
 *     answers (includes creating the embedded Postgres cluster);
 *   - warm start: the same data directory again;
 *   - the same for the production build (node dist/src/main.js, as the image runs it), with the
 *     idle resident memory 5 s after /setup answers, and `baton --help` under tsx and built;
 *   - server time per request for a few pages (sequential, loopback, so no queueing);
 *   - retrieval latency at 10,000 chunks per search backend (bench/retrieval.ts);
 *   - crawl throughput on a local 500-page site (bench/crawl.ts);
 *   (answer quality on labelled help centres is its own command: npm run bench:quality, bench/quality.ts);
 *   - the widget (bench/widget.ts) and the inbox: list render at 10,000 conversations and live-update latency (bench/inbox.ts).
 *   - the insights pages with 20,000 conversations and 5,000 handoffs over 90 days (bench/insights.ts).
 * Numbers are wall-clock on this machine; compare runs on the same machine only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestionBench } from './ingestion.js';
import { crawlBench } from './crawl.js';
import { retrievalBench } from './retrieval.js';
import { inboxBench } from './inbox.js';
import { insightsBench } from './insights.js';
import { widgetBench } from './widget.js';
import { freePort } from './support.js';

const ROOT = path.resolve(import.meta.dirname, '..');

const TSX_ENTRY = ['--import', 'tsx', 'src/main.ts'];
const BUILT_ENTRY = ['dist/src/main.js'];

/** What the image sets (Dockerfile), so the production build is measured as it runs there. */
const IMAGE_NODE_OPTIONS = /NODE_OPTIONS="([^"]+)"/.exec(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'))?.[1] ?? '';

async function startApp(dataDir: string, port: number, pgPort: number, entry = TSX_ENTRY): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    // The built app runs as in the image (production, a session secret given, its NODE_OPTIONS).
    env: { ...process.env, ...(entry === BUILT_ENTRY ? { NODE_OPTIONS: IMAGE_NODE_OPTIONS } : {}), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: entry === BUILT_ENTRY ? 'production' : 'development', SESSION_SECRET: 'bench-session-secret-0123456789abcdef', BASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/setup`, { redirect: 'manual' });
      if (res.status === 200 || res.status === 303) return { child, ms: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the app did not answer /setup within 30 s');
}

function stopApp(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function residentMb(child: ChildProcess): number | undefined {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** Wall time of a short command, best of three (the first warms the disk cache). */
function commandMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}`);
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latency(url: string, n: number, init?: () => RequestInit): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { redirect: 'manual', ...init?.() });
    await res.arrayBuffer();
    if (i >= 5) times.push(performance.now() - t0); // the first few warm up the JIT and pools
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const rows: [string, string][] = [];
  try {
    const [port, pgPort] = [await freePort(), await freePort()];
    const cold = await startApp(dataDir, port, pgPort);
    rows.push(['cold start to /setup (fresh embedded Postgres)', `${cold.ms.toFixed(0)} ms`]);
    await stopApp(cold.child);

    const warm = await startApp(dataDir, port, pgPort);
    rows.push(['warm start to /setup (existing data)', `${warm.ms.toFixed(0)} ms`]);

    const base = `http://127.0.0.1:${port}`;
    for (const [label, pathname, n] of [
      ['GET /healthz', '/healthz', 300],
      ['GET /readyz (database, search, smtp)', '/readyz', 300],
      ['GET /setup (page render, session, CSRF token)', '/setup', 300],
    ] as const) {
      const { p50, p95 } = await latency(base + pathname, n);
      rows.push([`${label}, n=${n}`, `p50 ${p50.toFixed(2)} ms · p95 ${p95.toFixed(2)} ms`]);
    }
    await stopApp(warm.child);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  // The production build, as the image runs it.
  if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' }).status === 0) {
    const builtDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
    fs.chmodSync(builtDir, 0o755);
    try {
      const [port, pgPort] = [await freePort(), await freePort()];
      for (const label of ['cold start to /setup, production build (fresh embedded Postgres)', 'warm start to /setup, production build']) {
        const started = await startApp(builtDir, port, pgPort, BUILT_ENTRY);
        await new Promise((r) => setTimeout(r, 5000));
        const rss = residentMb(started.child);
        rows.push([label, `${started.ms.toFixed(0)} ms · idle resident memory ${rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`}`]);
        await stopApp(started.child);
      }
    } finally {
      fs.rmSync(builtDir, { recursive: true, force: true });
    }
    rows.push(['baton --help, production build', `${commandMs(['dist/src/cli.js', '--help']).toFixed(0)} ms`]);
  } else rows.push(['production build', 'npm run build failed: not measured']);
  rows.push(['baton --help under tsx (npm run baton)', `${commandMs(['--import', 'tsx', 'src/cli.ts', '--help']).toFixed(0)} ms`]);
  // `npm run bench -- --startup`: the start-up figures alone.
  if (!process.argv.includes('--startup')) {
    rows.push(...(await retrievalBench()));
    rows.push(...(await crawlBench()));
    rows.push(...(await ingestionBench()));
    rows.push(...(await widgetBench()));
    rows.push(...(await inboxBench()));
    rows.push(...(await insightsBench()));
  }

  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nBaton bench · node ${process.version} · ${os.cpus().length} cores · ${new Date().toISOString()}\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
