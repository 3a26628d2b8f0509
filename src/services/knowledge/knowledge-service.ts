import { toSearchTerms } from '../../lib/search-query.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import type { ChunkRepo, Clock, SearchIndex, SourceRepo } from '../ports.js';
import type { User } from '../team/types.js';
import { chunkDocument } from './chunking.js';
import type { SearchHit, Source } from './types.js';

export interface KnowledgeServiceDeps {
  sources: SourceRepo;
  chunks: ChunkRepo;
  /** The configured index (Meilisearch or Postgres). */
  index: SearchIndex;
  /** Postgres full-text search, asked when the configured index fails; absent when they are the same. */
  fallback?: SearchIndex;
  clock: Clock;
  onFallback?: (error: unknown) => void;
}

export type SnippetInput = { question: string; answer: string };

export interface SearchResult {
  question: string;
  language: string;
  /** The key terms actually searched for. */
  terms: string[];
  backend: SearchIndex['backend'];
  /** True when the configured index failed and Postgres answered instead. */
  fellBack: boolean;
  hits: SearchHit[];
}

export const SNIPPET_LIMITS = { question: 300, answer: 10_000 };

/**
 * What Baton knows: sources (Q&A snippets for now; websites and files come next), their chunks
 * in Postgres, and the search index built from them.
 */
export class KnowledgeService {
  constructor(private readonly deps: KnowledgeServiceDeps) {}

  listSources(): Promise<Source[]> {
    return this.deps.sources.list();
  }

  async getSource(id: string): Promise<Source> {
    const source = await this.deps.sources.findById(id);
    if (!source) throw new NotFoundError('That knowledge source no longer exists.');
    return source;
  }

  async createSnippet(actor: User, input: SnippetInput): Promise<Source> {
    this.#requireAdmin(actor);
    const clean = this.#validSnippet(input);
    const source = await this.deps.sources.insert({ kind: 'snippet', name: clean.question, settings: clean });
    return this.#indexSnippet(source, clean);
  }

  async updateSnippet(actor: User, id: string, input: SnippetInput): Promise<Source> {
    this.#requireAdmin(actor);
    const source = await this.getSource(id);
    if (source.kind !== 'snippet') throw new ValidationError('Only Q&A snippets can be edited here.');
    const clean = this.#validSnippet(input);
    await this.deps.sources.update(id, { name: clean.question, settings: clean });
    return this.#indexSnippet(source, clean);
  }

  /** Deletes a source and removes its passages from every index. */
  async deleteSource(actor: User, id: string): Promise<void> {
    this.#requireAdmin(actor);
    await this.getSource(id);
    // The index first: if it fails, the source is still listed and can be deleted again.
    await this.deps.index.deleteBySource(id);
    await this.deps.chunks.deleteForSource(id);
    await this.deps.sources.delete(id);
  }

  /** The passages that best answer a question, best first. */
  async search(question: string, opts: { limit?: number; language?: string } = {}): Promise<SearchResult> {
    const q = toSearchTerms(question, opts.language);
    const query = { terms: q.terms, language: q.language, limit: opts.limit ?? 5 };
    const base = { question, language: q.language, terms: q.terms };
    try {
      return { ...base, backend: this.deps.index.backend, fellBack: false, hits: await this.deps.index.search(query) };
    } catch (error) {
      if (!this.deps.fallback) throw error;
      // Postgres holds every chunk, so it can always answer while the configured index is down.
      this.deps.onFallback?.(error);
      return { ...base, backend: this.deps.fallback.backend, fellBack: true, hits: await this.deps.fallback.search(query) };
    }
  }

  /** Rebuilds the configured index from the chunks in Postgres. Returns how many were indexed. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    const total = await this.deps.chunks.count();
    await this.deps.index.prepare();
    let done = 0;
    await this.deps.chunks.eachBatch(1000, async (batch) => {
      await this.deps.index.upsert(batch);
      done += batch.length;
      onProgress?.(done, total);
    });
    return done;
  }

  async #indexSnippet(source: Source, snippet: SnippetInput): Promise<Source> {
    // A snippet has no page of its own to link to, so its passages carry no URL.
    const drafts = chunkDocument({ url: '', title: snippet.question, sections: [{ headingPath: [], text: snippet.answer }] });
    const chunks = await this.deps.chunks.replaceForSource(source.id, drafts);
    await this.deps.index.deleteBySource(source.id);
    await this.deps.index.upsert(chunks);
    const now = this.deps.clock.now();
    return (await this.deps.sources.update(source.id, { status: 'idle', lastSyncedAt: now, lastError: null })) ?? source;
  }

  #validSnippet(input: SnippetInput): SnippetInput {
    const question = input.question.trim();
    const answer = input.answer.trim();
    const fields: Record<string, string> = {};
    if (!question) fields.question = 'Write the question a visitor would ask.';
    else if (question.length > SNIPPET_LIMITS.question) fields.question = `Keep the question under ${SNIPPET_LIMITS.question} characters.`;
    if (!answer) fields.answer = 'Write the answer.';
    else if (answer.length > SNIPPET_LIMITS.answer) fields.answer = `Keep the answer under ${SNIPPET_LIMITS.answer.toLocaleString('en')} characters.`;
    if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);
    return { question, answer };
  }

  #requireAdmin(actor: User) {
    if (actor.role !== 'admin') throw new ForbiddenError('Only admins can change what Baton knows.');
  }
}
