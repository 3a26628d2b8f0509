import { Mistral } from '@mistralai/mistralai';
import type { Embedder } from '../../services/ports.js';

export interface MistralSettings {
  apiKey: string;
  /** An origin only: the SDK's request paths are absolute (/v1/…). */
  serverUrl?: string;
  embedModel: string;
  timeoutMs: number;
  /** How long retries of a failing request may go on in all. Default: 10 s. */
  retryBudgetMs?: number;
}

// Inputs per request: well inside Mistral's per-request limits for passages of ~1,500 characters.
const BATCH = 32;

/** Passage and question embeddings from Mistral (mistral-embed: 1024 dimensions). */
export class MistralEmbedder implements Embedder {
  readonly dimensions = 1024;
  readonly #client: Mistral;

  constructor(private readonly settings: MistralSettings) {
    this.#client = new Mistral({
      apiKey: settings.apiKey,
      ...(settings.serverUrl ? { serverURL: settings.serverUrl } : {}),
      timeoutMs: settings.timeoutMs,
      // Retries are off by default in SDK 2; 429 and 5xx are worth a few quick ones.
      retryConfig: { strategy: 'backoff', backoff: { initialInterval: 200, maxInterval: 2000, exponent: 2, maxElapsedTime: settings.retryBudgetMs ?? 10_000 }, retryConnectionErrors: true },
    });
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const res = await this.#client.embeddings.create({ model: this.settings.embedModel, inputs: texts.slice(i, i + BATCH) });
      const ordered = [...res.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      for (const d of ordered) {
        if (!d.embedding) throw new Error('Mistral returned an embedding without values');
        out.push(d.embedding);
      }
    }
    if (out.length !== texts.length) throw new Error(`Mistral returned ${out.length} embeddings for ${texts.length} texts`);
    return out;
  }
}
