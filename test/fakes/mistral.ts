import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks the Mistral HTTP API, for tests: the real SDK talks to it. Mistral
 * is the one outside service Baton uses, so it is the one thing faked. Embeddings are a hashed
 * bag of words (texts sharing words point the same way), deterministic and 1024-dimensional.
 * Switches: `failNext` answers the next requests with an error status; `mode` slows or hangs.
 */
export interface FakeMistral {
  url: string;
  requests: { path: string; body: Record<string, unknown>; authorization: string | undefined; at: number }[];
  /** Sent as Retry-After with every 429, when set. */
  retryAfterSeconds: number | undefined;
  mode: 'ok' | 'slow' | 'hang';
  /**
   * `openai`: answer as the OpenAI-compatible servers that serve open models locally do (Ollama,
   * vLLM): extra fields (system_fingerprint, logprobs, refusal), a first chunk with an empty
   * content, a last one with an empty delta, usage in a chunk of its own with no choices, and
   * embeddings usage without completion tokens.
   */
  dialect: 'mistral' | 'openai';
  /** Pause between streamed pieces, so a browser can be seen receiving them one by one. */
  pieceDelayMs: number;
  /** What the fake model says, given the request body; streamed a word at a time when asked. */
  reply: (body: Record<string, unknown>) => string;
  failNext(count: number, status: 429 | 500): void;
  /** Back to answering every request at once, with no failures queued and no requests recorded. */
  reset(): void;
  close(): Promise<void>;
}

export const DIMENSIONS = 1024;

export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const h = createHash('sha1').update(word).digest();
    v[h.readUInt16BE(0) % DIMENSIONS]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeMistral(): Promise<FakeMistral> {
  const failures: number[] = [];
  const fake: FakeMistral = {
    url: '',
    requests: [],
    mode: 'ok',
    dialect: 'mistral',
    pieceDelayMs: 0,
    retryAfterSeconds: undefined,
    reply: () => 'Hello from the fake model.',
    failNext(count, status) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    reset() {
      failures.length = 0;
      fake.requests.length = 0;
      fake.mode = 'ok';
      fake.dialect = 'mistral';
      fake.pieceDelayMs = 0;
      fake.retryAfterSeconds = undefined;
      fake.reply = () => 'Hello from the fake model.';
    },
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      fake.requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization, at: Date.now() });
      if (fake.mode === 'hang') return;
      const status = failures.shift();
      const answer = () => {
        if (status) return void res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 && fake.retryAfterSeconds ? { 'retry-after': String(fake.retryAfterSeconds) } : {}) }).end(JSON.stringify({ object: 'error', message: status === 429 ? 'Requests rate limit exceeded' : 'Internal error', type: 'error', code: String(status) }));
        if (req.method === 'POST' && req.url === '/v1/embeddings') {
          const inputs = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              id: 'emb-1',
              object: 'list',
              model: body.model,
              usage: fake.dialect === 'openai' ? { prompt_tokens: inputs.length, total_tokens: inputs.length } : { prompt_tokens: inputs.length, completion_tokens: 0, total_tokens: inputs.length },
              data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text) })),
            }),
          );
        }
        if (req.method === 'POST' && req.url === '/v1/chat/completions') {
          const text = fake.reply(body);
          const usage = { prompt_tokens: 10, completion_tokens: text.split(/\s+/).length, total_tokens: 10 + text.split(/\s+/).length };
          if (body.stream === true && fake.dialect === 'openai') {
            res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
            const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
              `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: body.model, system_fingerprint: 'fp_local', choices, ...extra })}\n\n`;
            res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]));
            for (const piece of text.match(/\S+\s*/g) ?? []) res.write(chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]));
            res.write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]));
            res.write(chunk([], { usage }));
            return void res.end('data: [DONE]\n\n');
          }
          if (body.stream === true) {
            res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
            const pieces = text.match(/\S+\s*/g) ?? [''];
            const write = async () => {
              for (const [i, piece] of pieces.entries()) {
                const last = i === pieces.length - 1;
                if (fake.pieceDelayMs && i) await new Promise((r) => setTimeout(r, fake.pieceDelayMs));
                if (res.destroyed) return;
                res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: body.model, choices: [{ index: 0, delta: { role: 'assistant', content: piece }, finish_reason: last ? 'stop' : null }], ...(last ? { usage } : {}) })}\n\n`);
              }
              res.end('data: [DONE]\n\n');
            };
            return void write();
          }
          if (fake.dialect === 'openai') {
            return void res.writeHead(200, { 'content-type': 'application/json' }).end(
              JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: body.model, system_fingerprint: 'fp_local', usage, choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }] }),
            );
          }
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: body.model, usage, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
          );
        }
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `no fake for ${req.method} ${req.url}` }));
      };
      if (fake.mode === 'slow') setTimeout(answer, 300);
      else answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
