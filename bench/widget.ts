/**
 * The widget's numbers:
 *   - /widget.js gzipped (the promise: at most 5 KB);
 *   - server overhead per visitor message, p50/p95, at 50 concurrent visitors, with an LLM that
 *     answers instantly in-process (so every millisecond measured is Baton's own: auth, rate
 *     limits, storing, retrieval, prompt, storing the reply, JSON);
 *   - the same through the real Mistral SDK against a zero-latency fake Mistral server (adds the
 *     SDK and a loopback HTTP round trip);
 *   - time from POST to the first streamed token (SSE), through the SDK and the fake.
 * Content: the help center of bench/quality, as Q&A snippets. Loopback, one machine.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Container } from '../src/container.js';
import { createApp } from '../src/http/app.js';
import { loaderScript } from '../src/http/widget/loader.js';
import type { ChatModel, ChatRequest } from '../src/services/ports.js';
import { DEFAULT_WIDGET_SETTINGS } from '../src/services/widget/types.js';
import { startFakeMistral } from '../test/fakes/mistral.js';
import { withBenchContainer } from './support.js';

type Site = { pages: Record<string, [string, [string, string][]]>; questions: [string, string][] };

const VISITORS = 50;
const MESSAGES_EACH = 20;
/** Mean pause between a visitor's reply and their next message: 1 s, far busier than real chats. */
const THINK_MS = 1000;
const NO_LIMITS = { WIDGET_VISITOR_MESSAGES_PER_MINUTE: '100000', WIDGET_IP_MESSAGES_PER_MINUTE: '1000000', WIDGET_NEW_VISITORS_PER_IP_PER_HOUR: '1000000', WIDGET_CONVERSATIONS_PER_IP_PER_HOUR: '1000000', CONVERSATION_TOKEN_BUDGET: '100000000' };
const ANSWER = JSON.stringify({ answer: 'Here is how: open **Settings** and follow the steps in the article.', sources: [1], confidence: 'high', handoff: null });

/** An LLM that answers at once, in-process: what is left to measure is Baton. */
const instantModel: ChatModel = {
  complete: async () => ({ text: ANSWER, promptTokens: 500, completionTokens: 30 }),
  async *stream(request: ChatRequest) {
    for (const piece of ANSWER.match(/.{1,12}/g)!) yield piece;
    request.onUsage?.({ promptTokens: 500, completionTokens: 30 });
  },
};

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function seed(c: Container, site: Site) {
  for (const [, [title, sections]] of Object.entries(site.pages)) {
    for (const [heading, text] of sections) await c.services.knowledge.createSnippet('system', { question: `${title}: ${heading}`, answer: text });
  }
}

async function serve(c: Container): Promise<{ url: string; server: Server }> {
  const server = createApp(c).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function json(res: Response) {
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function newConversation(url: string) {
  const { token } = (await json(await fetch(`${url}/api/v1/visitors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))) as { token: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const { id } = (await json(await fetch(`${url}/api/v1/conversations`, { method: 'POST', headers, body: '{}' }))) as { id: string };
  return { id, headers };
}

/**
 * 50 visitors chatting at once, each sending its messages one after another with `thinkMs`
 * (a random pause around that mean) between a reply and the next message; each message's latency.
 * With no pause every visitor fires back to back: that measures throughput, not a chat.
 */
async function concurrentMessages(url: string, questions: string[], thinkMs = 0): Promise<{ latencies: number[]; seconds: number }> {
  const visitors = await Promise.all(Array.from({ length: VISITORS }, () => newConversation(url)));
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    visitors.map(async (v, vi) => {
      for (let i = 0; i < MESSAGES_EACH; i++) {
        if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
        const text = questions[(vi * MESSAGES_EACH + i) % questions.length]!;
        const t0 = performance.now();
        await json(await fetch(`${url}/api/v1/conversations/${v.id}/messages`, { method: 'POST', headers: v.headers, body: JSON.stringify({ text, clientId: `m${i}` }) }));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

async function firstTokenTimes(url: string, questions: string[], samples: number): Promise<number[]> {
  const v = await newConversation(url);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1/conversations/${v.id}/messages`, { method: 'POST', headers: { ...v.headers, accept: 'text/event-stream' }, body: JSON.stringify({ text: questions[i % questions.length], clientId: `s${i}` }) });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    let first: number | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
      if (first === undefined && seen.includes('event: token')) first = performance.now() - t0;
    }
    if (first === undefined) throw new Error(`no token event in: ${seen.slice(0, 300)}`);
    times.push(first);
  }
  return times.sort((a, b) => a - b);
}

export async function widgetBench(): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const loader = loaderScript(DEFAULT_WIDGET_SETTINGS);
  rows.push(['widget.js size (raw / gzip)', `${(Buffer.byteLength(loader) / 1024).toFixed(2)} KB / ${(gzipSync(loader).length / 1024).toFixed(2)} KB (limit 5 KB gzip)`]);

  // A small made-up help centre (Baton's own, for load: answer quality is bench/quality.ts).
  const site = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'help-center.json'), 'utf8')) as Site;
  const questions = site.questions.map(([q]) => q);

  await withBenchContainer('widget', { ...NO_LIMITS, LOG_LEVEL: 'silent' }, async (c) => {
    await seed(c, site);
    const { url, server } = await serve(c);
    try {
      await concurrentMessages(url, questions); // warm-up: JIT, pools, query plans
      const chat = await concurrentMessages(url, questions, THINK_MS);
      rows.push([`message overhead, ${VISITORS} visitors chatting at once, instant LLM (p50 / p95 / p99)`, `${ms(pct(chat.latencies, 50))} / ${ms(pct(chat.latencies, 95))} / ${ms(pct(chat.latencies, 99))} (${chat.latencies.length} messages, ${(chat.latencies.length / chat.seconds).toFixed(0)} msg/s; limit p95 30 ms)`]);
      const flat = await concurrentMessages(url, questions);
      rows.push([`saturation: ${VISITORS} visitors sending back to back, instant LLM (p50 / p95)`, `${ms(pct(flat.latencies, 50))} / ${ms(pct(flat.latencies, 95))} (${(flat.latencies.length / flat.seconds).toFixed(0)} msg/s: the most this machine answers)`]);
    } finally {
      server.close();
    }
  }, { chat: instantModel });

  const fake = await startFakeMistral();
  fake.reply = () => ANSWER;
  try {
    await withBenchContainer('widget-sdk', { ...NO_LIMITS, MISTRAL_API_KEY: 'bench', MISTRAL_SERVER_URL: fake.url }, async (c) => {
      await seed(c, site);
      const { url, server } = await serve(c);
      try {
        await concurrentMessages(url, questions);
        fake.requests.length = 0;
        const { latencies } = await concurrentMessages(url, questions, THINK_MS);
        rows.push([`message latency, ${VISITORS} visitors, via Mistral SDK + zero-latency fake (p50 / p95)`, `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 95))}`]);
        fake.requests.length = 0;
        const first = await firstTokenTimes(url, questions, 50);
        rows.push(['POST → first streamed token, one visitor (p50 / p95)', `${ms(pct(first, 50))} / ${ms(pct(first, 95))}`]);
      } finally {
        server.close();
      }
    });
  } finally {
    await fake.close();
  }
  return rows;
}
