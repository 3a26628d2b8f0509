import { Meilisearch, type Index, type Task } from 'meilisearch';
import type { Chunk, SearchHit } from '../../services/knowledge/types.js';
import type { HealthCheck, SearchIndex, SearchQuery } from '../../services/ports.js';

interface ChunkDocument {
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
}

const toDocument = (c: Chunk): ChunkDocument => ({ ...c, headings: c.headingPath.join(' › ') });

const toChunk = (d: ChunkDocument): Chunk => ({
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
        })
        .waitTask(),
      'updating settings',
    );
  }

  async upsert(chunks: Chunk[]) {
    for (let i = 0; i < chunks.length; i += this.#batchSize) {
      const batch = chunks.slice(i, i + this.#batchSize).map(toDocument);
      await succeeded(this.#index.addDocuments(batch, { primaryKey: 'id' }).waitTask(), 'adding documents');
    }
  }

  async deleteBySource(sourceId: string) {
    await succeeded(this.#index.deleteDocuments({ filter: `sourceId = ${quote(sourceId)}` }).waitTask(), 'deleting documents');
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    if (!query.terms.length) return [];
    const res = await this.#index.search(query.terms.join(' '), {
      limit: query.limit,
      showRankingScore: true,
      // Terms arrive as a bag of key words: drop the commonest first when not all of them match.
      matchingStrategy: 'frequency',
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
