import { Meilisearch, type Index, type Task } from 'meilisearch';
import type { Chunk, SearchHit } from '../../services/knowledge/types.js';
import type { Embedder, HealthCheck, SearchIndex, SearchQuery } from '../../services/ports.js';

interface ChunkDocument {
  /** userProvided vectors; null opts a passage out of semantic search (its embedding failed). */
  _vectors?: Record<string, number[] | null>;
  id: string;
  sourceId: string;
  url: string;
  title: string;
  headingPath: string[];
  /** The heading path as one string, so it can be searched and weighted between title and text. */
  headings: string;
  page: number | null;
  language: string;
  text: string;
  position: number;
}

export interface MeilisearchSettings {
  url: string;
  apiKey?: string;
  indexUid?: string;
  /** Documents per addDocuments call. */
  batchSize?: number;
  /** With an embedder, passages carry vectors and search is hybrid (keyword + semantic). */
  embedder?: Embedder;
  /** 0 = keyword only, 1 = semantic only. */
  semanticRatio?: number;
  /** Told when embedding fails; search then runs on keywords alone. */
  onEmbedError?: (error: unknown) => void;
}

const EMBEDDER = 'mistral';
const embeddingText = (c: Chunk) => [c.title, c.headingPath.join(' › '), c.text].filter(Boolean).join('\n');

const toDocument = (c: Chunk): ChunkDocument => ({ ...c, headings: c.headingPath.join(' › ') });

const toChunk = (d: Omit<ChunkDocument, '_vectors'>): Chunk => ({
  id: d.id,
  sourceId: d.sourceId,
  url: d.url,
  title: d.title,
  headingPath: d.headingPath,
  page: d.page,
  language: d.language,
  text: d.text,
  position: d.position,
});

// Filter values are quoted strings; a quote or backslash inside would end the string early.
const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Waits for a task and throws unless it succeeded: waitTask resolves, not rejects, on failure. */
async function succeeded(task: Promise<Task>, what: string, allowCodes: string[] = []): Promise<void> {
  const done = await task;
  if (done.status === 'succeeded') return;
  if (done.status === 'failed' && done.error && allowCodes.includes(done.error.code)) return;
  throw new Error(`Meilisearch ${what} ${done.status}${done.error ? `: ${done.error.code}: ${done.error.message}` : ''}`);
}

/** The SearchIndex contract on Meilisearch (client 0.62, server v1.x). */
export class MeilisearchIndex implements SearchIndex {
  readonly backend = 'meilisearch' as const;
  readonly #client: Meilisearch;
  readonly #index: Index<ChunkDocument>;
  readonly #uid: string;
  readonly #batchSize: number;

  constructor(private readonly settings: MeilisearchSettings) {
    this.#client = new Meilisearch({ host: settings.url, apiKey: settings.apiKey, timeout: 10_000, defaultWaitOptions: { timeout: 60_000, interval: 50 } });
    this.#uid = settings.indexUid ?? 'chunks';
    this.#index = this.#client.index<ChunkDocument>(this.#uid);
    this.#batchSize = settings.batchSize ?? 1000;
  }

  async prepare() {
    await succeeded(this.#client.createIndex(this.#uid, { primaryKey: 'id' }).waitTask(), `creating index ${this.#uid}`, ['index_already_exists']);
    await succeeded(
      this.#index
        .updateSettings({
          // Order matters: a match in the title outranks one in a heading, which outranks the body.
          searchableAttributes: ['title', 'headings', 'text'],
          filterableAttributes: ['sourceId', 'language'],
          displayedAttributes: ['*'],
          rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
          // Vectors come from Mistral through us ("userProvided"): the Meilisearch container never
          // needs the API key, and a fake Mistral on this machine works in tests.
          ...(this.settings.embedder ? { embedders: { [EMBEDDER]: { source: 'userProvided', dimensions: this.settings.embedder.dimensions } } } : {}),
        })
        .waitTask(),
      'updating settings',
    );
  }

  async upsert(chunks: Chunk[]) {
    for (let i = 0; i < chunks.length; i += this.#batchSize) {
      const slice = chunks.slice(i, i + this.#batchSize);
      const batch = slice.map(toDocument);
      if (this.settings.embedder) {
        const vectors = await this.settings.embedder.embed(slice.map(embeddingText)).catch((e: unknown) => {
          this.settings.onEmbedError?.(e);
          return undefined;
        });
        batch.forEach((doc, j) => (doc._vectors = { [EMBEDDER]: vectors?.[j] ?? null }));
      }
      await succeeded(this.#index.addDocuments(batch, { primaryKey: 'id' }).waitTask(), 'adding documents');
    }
  }

  async deleteBySource(sourceId: string) {
    await succeeded(this.#index.deleteDocuments({ filter: `sourceId = ${quote(sourceId)}` }).waitTask(), 'deleting documents');
  }

  async deleteByIds(ids: string[]) {
    if (!ids.length) return;
    await succeeded(this.#index.deleteDocuments(ids).waitTask(), 'deleting documents');
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (!query.terms.length) return [];
    let vector: number[] | undefined;
    if (this.settings.embedder && query.text) {
      vector = (await this.settings.embedder.embed([query.text]).catch((e: unknown) => void this.settings.onEmbedError?.(e)))?.[0];
    }
    const res = await this.#index.search(query.terms.join(' '), {
      limit: query.limit,
      showRankingScore: true,
      // Terms arrive as a bag of key words: drop the commonest first when not all of them match.
      matchingStrategy: 'frequency',
      ...(vector ? { vector, hybrid: { embedder: EMBEDDER, semanticRatio: this.settings.semanticRatio ?? 0.5 } } : {}),
    });
    return res.hits.map((hit) => ({ chunk: toChunk(hit), score: hit._rankingScore ?? 0 }));
  }

  health(): HealthCheck {
    return {
      name: 'search',
      check: async () => {
        try {
          const { status } = await this.#client.health();
          return status === 'available' ? { ok: true, detail: `meilisearch at ${this.settings.url}` } : { ok: false, reason: `meilisearch reports ${status}` };
        } catch (e) {
          return { ok: false, reason: `meilisearch at ${this.settings.url}: ${e instanceof Error ? e.message : String(e)}` };
        }
      },
    };
  }
}
