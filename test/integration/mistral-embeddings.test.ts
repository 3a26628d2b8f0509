import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MistralEmbedder } from '../../src/adapters/llm/mistral-embeddings.js';
import { DIMENSIONS, fakeEmbedding, startFakeMistral, type FakeMistral } from '../fakes/mistral.js';

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

const embedder = (timeoutMs = 5000) => new MistralEmbedder({ apiKey: 'test-key', serverUrl: fake.url, embedModel: 'mistral-embed', timeoutMs, retryBudgetMs: 1500 });

describe('Mistral embeddings (real SDK, fake server)', () => {
  it('returns one 1024-dimension vector per text, in order, in batches', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `passage number ${i}`);
    const vectors = await embedder().embed(texts);
    expect(vectors).toHaveLength(70);
    expect(vectors[0]).toHaveLength(DIMENSIONS);
    expect(vectors[42]).toEqual(fakeEmbedding('passage number 42'));
    expect(fake.requests.map((r) => (r.body.input as string[]).length)).toEqual([32, 32, 6]);
    expect(fake.requests[0]).toMatchObject({ path: '/v1/embeddings', authorization: 'Bearer test-key', body: { model: 'mistral-embed' } });
  });

  it('reads an OpenAI-compatible local server (Ollama, vLLM), whose usage has no completion tokens', async () => {
    fake.dialect = 'openai';
    const [v] = await embedder().embed(['hello local model']);
    expect(v).toEqual(fakeEmbedding('hello local model'));
  });

  it('retries a rate limit and a server error, then succeeds', async () => {
    fake.failNext(1, 429);
    fake.failNext(1, 500);
    const [v] = await embedder().embed(['hello']);
    expect(v).toEqual(fakeEmbedding('hello'));
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up on a server that keeps failing, with an error', async () => {
    fake.failNext(100, 500);
    await expect(embedder().embed(['hello'])).rejects.toThrow();
    expect(fake.requests.length).toBeGreaterThan(1);
  });

  it('gives up on a server that never answers', async () => {
    fake.mode = 'hang';
    const started = Date.now();
    await expect(embedder(300).embed(['hello'])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
