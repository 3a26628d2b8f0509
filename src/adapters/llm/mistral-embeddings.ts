import type { Mistral } from '@mistralai/mistralai';
import { createMistralClient, type MistralConnection } from './mistral-client.js';
import type { Embedder } from '../../services/ports.js';

export interface MistralSettings extends MistralConnection {
  embedModel: string;
}

// Inputs per request: well inside Mistral's per-request limits for passages of ~1,500 characters.
const BATCH = 32;

/** Passage and question embeddings from Mistral (mistral-embed: 1024 dimensions). */
export class MistralEmbedder implements Embedder {
  readonly dimensions = 1024;
  /** Loading already when the adapter is made (a key is set), awaited at the first request. */
  readonly #client: Promise<Mistral>;

  constructor(private readonly settings: MistralSettings) {
    this.#client = createMistralClient(settings);
    // A failed load is reported by the first request that awaits it, not as an unhandled rejection.
    this.#client.catch(() => {});
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const res = await (await this.#client).embeddings.create({ model: this.settings.embedModel, inputs: texts.slice(i, i + BATCH) });
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
