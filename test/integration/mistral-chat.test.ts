import { describe, expect, it } from 'vitest';
import { MistralChat } from '../../src/adapters/llm/mistral-chat.js';
import { useFakeMistral } from '../support/mistral.js';

const fake = useFakeMistral();

const chat = (timeoutMs = 5000) => new MistralChat({ apiKey: 'test-key', serverUrl: fake.url, model: 'mistral-small-latest', timeoutMs, retryBudgetMs: 1500 });
const messages = [
  { role: 'system' as const, content: 'Answer from the sources.' },
  { role: 'user' as const, content: 'How do I cancel?' },
];

describe('Mistral chat (real SDK, fake server)', () => {
  it('completes a reply, sending the model, messages, temperature and JSON mode', async () => {
    fake.reply = () => '{"answer":"Go to Settings.","sources":[1]}';
    const res = await chat().complete({ messages, json: true, temperature: 0.2, maxTokens: 300 });
    expect(JSON.parse(res.text)).toEqual({ answer: 'Go to Settings.', sources: [1] });
    expect(res.promptTokens).toBe(10);
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      authorization: 'Bearer test-key',
      body: { model: 'mistral-small-latest', messages, temperature: 0.2, max_tokens: 300, response_format: { type: 'json_object' }, stream: false },
    });
  });

  it('streams a reply a piece at a time', async () => {
    fake.reply = () => 'Open Settings, then Plan, and press Cancel.';
    const pieces: string[] = [];
    for await (const piece of chat().stream({ messages })) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe('Open Settings, then Plan, and press Cancel.');
    expect(fake.requests[0]!.body.stream).toBe(true);
  });

  it('retries a rate limit, fails on a server that keeps failing, and times out on one that hangs', async () => {
    fake.failNext(1, 429);
    expect((await chat().complete({ messages })).text).toBe('Hello from the fake model.');
    fake.reset();
    fake.failNext(100, 500);
    await expect(chat().complete({ messages })).rejects.toThrow();
    fake.reset();
    fake.mode = 'hang';
    const started = Date.now();
    await expect(chat(300).complete({ messages })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('waits as long as a 429 says in Retry-After before trying again', async () => {
    fake.retryAfterSeconds = 1;
    fake.failNext(1, 429);
    expect((await chat().complete({ messages })).text).toBe('Hello from the fake model.');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('stops when its signal is aborted', async () => {
    fake.mode = 'hang';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(chat(10_000).complete({ messages, signal: controller.signal })).rejects.toThrow();
  });
});

/**
 * A fully local model: an OpenAI-compatible server (Ollama, vLLM) serving an open Mistral model,
 * with MISTRAL_SERVER_URL pointing at it. The same SDK, the same adapter, the other dialect.
 */
describe('an OpenAI-compatible local server (real SDK, fake server in that dialect)', () => {
  it('completes a reply in JSON mode and reads its token counts', async () => {
    fake.dialect = 'openai';
    fake.reply = () => '{"answer":"Go to Settings.","sources":[1]}';
    const res = await chat().complete({ messages, json: true });
    expect(JSON.parse(res.text)).toEqual({ answer: 'Go to Settings.', sources: [1] });
    expect(res.promptTokens).toBe(10);
    expect(fake.requests[0]!.body).toMatchObject({ model: 'mistral-small-latest', response_format: { type: 'json_object' } });
  });

  it('streams a reply, through the empty first and last pieces and the usage-only chunk', async () => {
    fake.dialect = 'openai';
    fake.reply = () => 'Open Settings, then Plan, and press Cancel.';
    const pieces: string[] = [];
    let usage: { promptTokens: number; completionTokens: number } | undefined;
    for await (const piece of chat().stream({ messages, onUsage: (u) => (usage = u) })) pieces.push(piece);
    expect(pieces.join('')).toBe('Open Settings, then Plan, and press Cancel.');
    expect(usage).toEqual({ promptTokens: 10, completionTokens: 7 });
  });
});
