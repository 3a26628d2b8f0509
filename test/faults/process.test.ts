import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createDb } from '../../src/adapters/storage/db.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { truncateAll, workerDatabaseUrl } from '../support/db.js';
import { useFakeMistral } from '../support/mistral.js';
import { freePort } from '../support/ports.js';
import { openSse } from '../support/sse.js';

const fake = useFakeMistral();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-fault-proc-'));
let child: ChildProcess | undefined;
let running: RunningServer | undefined;
// Files before this one in the same worker may leave passages behind, and with passages that do not
// cover the question the assistant would refuse instead of streaming the model's answer.
beforeAll(async () => {
  const db = createDb(await workerDatabaseUrl());
  await truncateAll(db);
  await db.destroy();
});
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await running?.stop();
  running = undefined;
  const db = createDb(await workerDatabaseUrl());
  await truncateAll(db);
  await db.destroy();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const ANSWER = 'Open Settings, then Plan, and press Cancel. Your data is kept for sixty days after that, and you can come back at any time.';
const answering = () => JSON.stringify({ answer: ANSWER, sources: [1], confidence: 'high', handoff: null, person: false });

async function env(port: number): Promise<Record<string, string>> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: await workerDatabaseUrl(),
    SESSION_SECRET: 's'.repeat(40),
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    MISTRAL_API_KEY: 'k',
    MISTRAL_SERVER_URL: fake.url,
    LOG_LEVEL: 'warn',
  };
}

/** The real entry point in its own process, as `npm start` runs it. */
async function spawnApp(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...(await env(port)) }, stdio: ['ignore', 'ignore', 'pipe'] });
  const end = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the app exited with ${proc.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return proc;
    if (Date.now() > end) throw new Error('the app did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A visitor and a conversation on the server at `base`, and a way to send a message (streamed). */
async function visitor(base: string) {
  const { token } = await json<{ token: string }>(await fetch(`${base}/api/v1/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }));
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const conv = await json<{ id: string }>(await fetch(`${base}/api/v1/conversations`, { method: 'POST', headers, body: '{}' }));
  return { token, headers, conv };
}

/** Posts a message asking for a stream, and resolves once the stream has sent `until` (or ended). */
async function streamMessage(base: string, v: Awaited<ReturnType<typeof visitor>>, text: string, clientId: string, until?: string) {
  const res = await fetch(`${base}/api/v1/conversations/${v.conv.id}/messages`, { method: 'POST', headers: { ...v.headers, Accept: 'text/event-stream' }, body: JSON.stringify({ text, clientId }) });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let body = '';
  for (;;) {
    const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (chunk.done) break;
    body += decoder.decode(chunk.value, { stream: true });
    if (until && body.includes(`event: ${until}`)) break;
  }
  return { status: res.status, body };
}

describe('the app killed during a streamed answer', () => {
  it("keeps the visitor's message, and the conversation goes on after a restart: the same message again gets its answer, once", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = await spawnApp(port);
    const db = createDb(await workerDatabaseUrl());
    try {
      const v = await visitor(base);
      fake.reply = answering;
      fake.pieceDelayMs = 200;
      // The answer has started to arrive when the process dies.
      const partial = await streamMessage(base, v, 'How do I cancel my subscription?', 'c-1', 'token');
      expect(partial.body).toContain('event: message');
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));

      const stored = (await db('messages').where({ conversation_id: v.conv.id }).select('author', 'client_id', 'text')) as { author: string; client_id: string | null; text: string }[];
      expect(stored).toEqual([{ author: 'visitor', client_id: 'c-1', text: 'How do I cancel my subscription?' }]);

      fake.pieceDelayMs = 0;
      child = await spawnApp(port);
      // The widget sends the unanswered message again with its clientId: stored once, answered now.
      const again = await streamMessage(base, v, 'How do I cancel my subscription?', 'c-1');
      expect(again.status).toBe(201);
      expect(again.body).toContain('event: reply');
      const next = await streamMessage(base, v, 'And can I come back later?', 'c-2');
      expect(next.body).toContain('event: reply');
      const conversation = await json<{ messages: { author: string; clientId: string | null }[] }>(await fetch(`${base}/api/v1/conversations/${v.conv.id}`, { headers: v.headers }));
      expect(conversation.messages.filter((m) => m.author === 'visitor').map((m) => m.clientId)).toEqual(['c-1', 'c-2']);
      expect(conversation.messages.filter((m) => m.author === 'assistant')).toHaveLength(2);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('finishes a streamed answer in flight and ends live streams, then stops', async () => {
    const config = loadConfig({ ...(await env(0)), BASE_URL: 'http://baton.test' });
    running = await startServer(config, pino({ level: 'silent' }));
    const base = running.url;
    const v = await visitor(base);
    const live = await openSse(`${base}/api/v1/conversations/${v.conv.id}/events`, { Authorization: v.headers.Authorization });
    await live.next((e) => e.event === 'ready');
    fake.reply = answering;
    fake.pieceDelayMs = 100;
    const inFlight = streamMessage(base, v, 'How do I cancel my subscription?', 'g-1');
    // Stop once the answer is being written.
    const end = Date.now() + 10_000;
    while (!fake.requests.length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const server = running;
    running = undefined;
    const stopping = server.stop(30_000);
    const answer = await inFlight;
    expect(answer.status).toBe(201);
    expect(answer.body).toContain('event: reply');
    expect(answer.body).not.toContain('event: error');
    await live.ended;
    await stopping;
    live.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    // The answer was stored before the pools closed.
    const db = createDb(await workerDatabaseUrl());
    const replies = (await db('messages').where({ conversation_id: v.conv.id, author: 'assistant' }).pluck('text')) as string[];
    await db.destroy();
    expect(replies).toEqual([ANSWER]);
  }, 60_000);
});
