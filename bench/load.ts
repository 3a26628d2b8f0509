/**
 * `npm run bench:load`: the app under a steady load, on loopback, in its own process (so its
 * memory is its own): STREAMS visitors with their live event stream open, and RATE messages per
 * second spread over them, for MINUTES. Answers are extractive (no LLM), so what is measured is
 * Baton itself: request latency, errors, the app's resident memory, and the streams kept open.
 *
 * Bounded and self-stopping: at most MAX_IN_FLIGHT messages wait at once (more count as
 * errors), sending stops at the deadline, the rest drains for at most 30 s, then everything stops.
 *   npm run bench:load                       (1,000 streams, 50 messages/s, 5 minutes)
 *   npm run bench:load -- --minutes 1 --streams 200 --rate 20
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/adapters/storage/embedded-postgres.js';
import { loadConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { freePort, pct } from './support.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, streams: { type: 'string', default: '1000' }, rate: { type: 'string', default: '50' } } });
const MINUTES = Number(args.minutes);
const STREAMS = Number(args.streams);
const RATE = Number(args.rate);
const MAX_IN_FLIGHT = 1000;
/** Set once the run winds down: streams closing after it are expected, not errors. */
let stopping = false;
const QUESTIONS = ['How do I cancel my subscription?', 'Can I get a refund?', 'Where do I download my invoices?', 'How do I change my password?', 'Do you ship to Norway?'];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

function request(agent: http.Agent, base: string, method: string, p: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(`${base}${p}`, { method, agent, headers: { ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('timed out after 60 s')));
    req.end(data);
  });
}

export async function loadBench(): Promise<[string, string][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-load-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: pg.url,
    DATA_DIR: dir,
    SESSION_SECRET: 'l'.repeat(40),
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: base,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // One loopback address plays every visitor: the per-IP limits would stop it, not the app.
    WIDGET_NEW_VISITORS_PER_IP_PER_HOUR: '1000000',
    WIDGET_IP_MESSAGES_PER_MINUTE: '1000000',
    WIDGET_STREAMS_PER_IP: '1000000',
    // The metrics endpoint is read at the end of the run (BATON_METRICS_OUT keeps the whole text).
    METRICS_TOKEN: 'load-bench-metrics-token-0123456789',
  };
  // The help center the visitors ask about, saved before the app starts.
  const seed = await createContainer(loadConfig(env), pino({ level: 'silent' }));
  await seed.migrate();
  for (const q of QUESTIONS) await seed.services.knowledge.createSnippet('system', { question: q, answer: `${q.replace('?', '')}: open Settings and follow the steps on the page. Our team can help too.` });
  await seed.close();

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const rows: [string, string][] = [];
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const postAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const open = new Set<http.ClientRequest>();
  const hardStop = setTimeout(() => {
    process.stderr.write('load bench: past its time limit, stopping\n');
    child.kill('SIGKILL');
    process.exit(1);
  }, (MINUTES * 60 + 600) * 1000);
  try {
    for (let i = 0; ; i++) {
      if (await request(postAgent, base, 'GET', '/readyz', undefined).then((r) => r.status === 200, () => false)) break;
      if (i > 600) throw new Error('the app did not become ready in 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const idle = rssOf(child.pid!);

    // The visitors, each with a conversation and its live stream open.
    const visitors: { auth: Record<string, string>; conv: string }[] = [];
    let streamErrors = 0;
    let events = 0;
    const openedAt = performance.now();
    for (let i = 0; i < STREAMS; i++) {
      const { token } = JSON.parse((await request(postAgent, base, 'POST', '/api/v1/visitors', {})).body) as { token: string };
      const auth = { Authorization: `Bearer ${token}` };
      const { id } = JSON.parse((await request(postAgent, base, 'POST', '/api/v1/conversations', {}, auth)).body) as { id: string };
      visitors.push({ auth, conv: id });
      await new Promise<void>((resolve, reject) => {
        const req = http.get(`${base}/api/v1/conversations/${id}/events`, { agent: streamAgent, headers: { ...auth, Accept: 'text/event-stream' } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
          res.setEncoding('utf8');
          let ready = false;
          res.on('data', (chunk: string) => {
            events += chunk.split('\nevent: ').length - 1 + (chunk.startsWith('event: ') ? 1 : 0);
            if (!ready && chunk.includes('event: ready')) {
              ready = true;
              resolve();
            }
          });
          res.on('close', () => {
            if (open.delete(req) && !stopping) streamErrors++;
          });
        });
        req.on('error', (e) => (open.has(req) ? (open.delete(req), stopping || streamErrors++) : reject(e)));
        open.add(req);
      });
    }
    const openMs = performance.now() - openedAt;
    await new Promise((r) => setTimeout(r, 5000));
    const withStreams = rssOf(child.pid!);

    // Messages at RATE per second, spread over the visitors, each answered (extractive) in the response.
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
    let inFlight = 0;
    let sent = 0;
    let peak = withStreams;
    const samples: number[] = [];
    const sampler = setInterval(() => {
      const rss = rssOf(child.pid!);
      samples.push(rss);
      peak = Math.max(peak, rss);
    }, 5000);
    const started = performance.now();
    const deadline = started + MINUTES * 60_000;
    const pending = new Set<Promise<void>>();
    while (performance.now() < deadline) {
      const due = Math.floor(((performance.now() - started) / 1000) * RATE);
      while (sent < due) {
        const v = visitors[sent % visitors.length]!;
        const n = sent++;
        if (inFlight >= MAX_IN_FLIGHT) {
          fail('not sent: too many waiting');
          continue;
        }
        inFlight++;
        const t0 = performance.now();
        const p = request(postAgent, base, 'POST', `/api/v1/conversations/${v.conv}/messages`, { text: QUESTIONS[n % QUESTIONS.length], clientId: `load-${n}` }, v.auth)
          .then(
            (res) => void (res.status === 201 ? latencies.push(performance.now() - t0) : fail(`HTTP ${res.status}`)),
            (e: Error) => void fail(e.message),
          )
          .finally(() => {
            inFlight--;
            pending.delete(p);
          });
        pending.add(p);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const elapsed = (performance.now() - started) / 1000;
    await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 30_000))]);
    clearInterval(sampler);
    const end = rssOf(child.pid!);
    const stillOpen = open.size;
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } }).then((r) => r.text(), () => '');
    if (process.env.BATON_METRICS_OUT) fs.writeFileSync(process.env.BATON_METRICS_OUT, metrics);
    const metric = (line: string) => metrics.split('\n').find((l) => l.startsWith(`${line} `))?.split(' ').at(-1) ?? 'n/a';

    const stopped = performance.now();
    stopping = true;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    const shutdownMs = performance.now() - stopped;

    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = [...failures.values()].reduce((a, b) => a + b, 0) + streamErrors;
    rows.push(
      [`Load: ${STREAMS} open streams + ${RATE} messages/s for ${MINUTES} min (loopback, extractive answers)`, ''],
      ['  streams opened (visitor, conversation, stream each)', `${STREAMS} in ${(openMs / 1000).toFixed(1)} s; ${stillOpen} still open at the end`],
      ['  app memory (RSS): idle / with all streams open / peak under load / at the end', `${mb(idle)} / ${mb(withStreams)} / ${mb(peak)} / ${mb(end)}`],
      ['  memory per open stream', `${((withStreams - idle) / STREAMS / 1024).toFixed(1)} KB`],
      ['  messages sent / answered (201)', `${sent} / ${latencies.length} (${(latencies.length / elapsed).toFixed(1)}/s)`],
      ['  message → answered, p50 / p95 / max', sorted.length ? `${pct(sorted, 50).toFixed(0)} ms / ${pct(sorted, 95).toFixed(0)} ms / ${sorted.at(-1)!.toFixed(0)} ms` : 'none'],
      ['  events received on the streams', String(events)],
      ['  errors', errors ? `${errors}: ${[...failures].map(([k, v]) => `${k} ×${v}`).join(', ')}${streamErrors ? `, streams closed early ×${streamErrors}` : ''}` : '0'],
      ['  graceful shutdown with the streams open', `${(shutdownMs / 1000).toFixed(1)} s`],
      [
        '  /metrics at the end: messages (visitor / assistant), searches, open visitor streams',
        `${metric('baton_messages_total{author="visitor"}')} / ${metric('baton_messages_total{author="assistant"}')}, ${metric('baton_search_duration_seconds_count{backend="postgres",outcome="ok"}')}, ${metric('baton_live_streams{holder="visitor"}')}`,
      ],
    );
    return rows;
  } finally {
    clearTimeout(hardStop);
    stopping = true;
    for (const req of open) req.destroy();
    streamAgent.destroy();
    postAgent.destroy();
    if (child.exitCode === null) child.kill('SIGKILL');
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await loadBench();
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
