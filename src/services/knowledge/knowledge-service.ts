import { ConflictError, ForbiddenError, NotFoundError, TooLargeError, UnavailableError, ValidationError } from '../errors.js';
import type { ChunkRepo, Clock, DocumentRepo, FileReader, Locker, SearchIndex, SourceFileRepo, SourcePageRepo, SourceRepo, SyncProgress, SyncRunRepo, Web } from '../ports.js';
import type { User } from '../team/types.js';
import { changes, type Authority } from '../audit/authority.js';
import type { AuditActor } from '../audit/types.js';
import { chunkDocument, withoutControlCharacters, type ChunkDraft } from './chunking.js';
import { crawl, normaliseUrl, patternFilter, siteOf, type CrawlEvent, type SkipBucket } from './crawler.js';
import type { Retriever, SearchResult } from './retriever.js';
import { RESYNC_INTERVALS, type ExtractedDocument, type ResyncInterval, type Source, type SourcePage, type StoredDocument, type SyncRun, type SyncTrigger, type WebsiteSettings } from './types.js';

/** Who asks: a signed-in person, the operator at the command line, or Baton itself. */
export type Actor = AuditActor;

const INDEX_BEHIND = 'Saved, and answered from Postgres meanwhile, but the search index (Meilisearch) did not answer: run `baton reindex` once it is back.';

export interface CrawlDefaults {
  maxPages: number;
  concurrency: number;
  delayMs: number;
}

export interface KnowledgeServiceDeps {
  sources: SourceRepo;
  chunks: ChunkRepo;
  documents: DocumentRepo;
  /** What became of each URL of a website (its Pages tab). */
  pages: SourcePageRepo;
  runs: SyncRunRepo;
  web: Web;
  crawl: CrawlDefaults;
  files: SourceFileRepo;
  reader: FileReader;
  uploadMaxBytes: number;
  /** The configured index (Meilisearch or Postgres). */
  index: SearchIndex;
  /** Postgres full-text search, asked when the configured index fails; absent when they are the same. */
  fallback?: SearchIndex;
  clock: Clock;
  /** Searches (and keeps the corpus statistics ranking needs, told here when passages change). */
  retriever: Retriever;
  /** The index refused a write or a delete (Postgres has the passages; see INDEX_BEHIND). */
  onIndexError?: (error: unknown) => void;
  /** Checks and records every change to what Baton knows. */
  authority: Pick<Authority, 'perform'>;
  /** One writer at a time of a website's passages: a sync's end, an exclusion, a re-read. */
  locker: Pick<Locker, 'withLock'>;
}

export type SnippetInput = { question: string; answer: string };

export const SNIPPET_LIMITS = { question: 300, answer: 10_000 };

export interface WebsiteInput {
  startUrl: string;
  sitemapUrl?: string;
  maxPages?: number;
  maxDepth?: number;
  include?: string[];
  exclude?: string[];
  resync?: string;
  /** Create it even though its start page cannot be read now (a site that is down for a while). */
  saveAnyway?: boolean;
}

/** Why a fetch failed, in the fetcher's words ("the connection was refused") when it gave them. */
const fetchProblem = (e: unknown) => (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));

/** The start page or the file could not be read, so nothing was created; the form may offer "Save anyway". */
export class UnreadableSourceError extends ValidationError {
  constructor(
    field: string,
    problem: string,
    readonly canSaveAnyway: boolean,
  ) {
    super(problem, { [field]: problem });
  }
}

/** A run whose heartbeat is older than this belongs to a process that died; another picks it up. */
export const STALE_RUN_MS = 2 * 60_000;
const MAX_FAILURES_KEPT = 100;
/** URLs listed on a website's Pages tab, at most (the counters still count every one). */
const MAX_PAGES_LISTED = 20_000;
const EXCLUDED_BY_YOU = 'excluded by you (outside the include/exclude patterns)';
/** Clicks away from the start page a crawl follows unless the admin says otherwise. */
const DEFAULT_DEPTH = 10;
const PROGRESS_EVERY_MS = 1000;

/**
 * What Baton knows: sources (Q&A snippets for now; websites and files come next), their chunks
 * in Postgres, and the search index built from them.
 */
export class KnowledgeService {
  constructor(private readonly deps: KnowledgeServiceDeps) {}

  listSources(): Promise<Source[]> {
    return this.deps.sources.list();
  }

  /** The sources, for someone asking from outside the admin pages (the team API): admins only, as Knowledge is. */
  listSourcesFor(actor: Actor): Promise<Source[]> {
    if (actor !== 'cli' && actor !== 'system' && actor.role !== 'admin') throw new ForbiddenError('Only admins can list knowledge.');
    return this.listSources();
  }

  async getSource(id: string): Promise<Source> {
    const source = await this.deps.sources.findById(id);
    if (!source) throw new NotFoundError('That knowledge source no longer exists.');
    return source;
  }

  async createSnippet(actor: Actor, input: SnippetInput): Promise<Source> {
    return this.deps.authority.perform(actor, 'knowledge.added', () => this.#addSnippet(input), (s) => ({ target: s.name, details: { kind: 'snippet' } }));
  }

  async #addSnippet(input: SnippetInput): Promise<Source> {
    const clean = this.#validSnippet(input);
    const source = await this.deps.sources.insert({ kind: 'snippet', name: clean.question, settings: clean });
    return this.#indexSnippet(source, clean);
  }

  /**
   * A teammate's reply to a visitor, saved as a Q&A snippet so the AI can answer the question
   * next time. Agents may do this (it is how they close the gaps they see); editing and deleting
   * knowledge stays with admins.
   */
  async snippetFromAnswer(actor: User, input: SnippetInput): Promise<Source> {
    return this.deps.authority.perform(actor, 'knowledge.saved_from_reply', () => this.#addSnippet(input), (s) => ({ target: s.name, details: { kind: 'snippet' } }));
  }

  async updateSnippet(actor: Actor, id: string, input: SnippetInput): Promise<Source> {
    const source = await this.getSource(id);
    const update = async () => {
      if (source.kind !== 'snippet') throw new ValidationError('Only Q&A snippets can be edited here.');
      const clean = this.#validSnippet(input);
      await this.deps.sources.update(id, { name: clean.question, settings: clean });
      return this.#indexSnippet(source, clean);
    };
    return this.deps.authority.perform(actor, 'knowledge.changed', update, (s) => ({ target: s.name, details: changes(source.settings, s.settings) }));
  }

  /** Deletes a source and removes its passages from every index. */
  async deleteSource(actor: Actor, id: string): Promise<void> {
    const source = await this.getSource(id);
    await this.deps.authority.perform(actor, 'knowledge.deleted', () => this.#delete(id), () => ({ target: source.name, details: { kind: source.kind } }));
  }

  async #delete(id: string): Promise<void> {
    // The index first: if it fails, the source is still listed and can be deleted again.
    await this.deps.index.deleteBySource(id).catch((error: unknown) => {
      this.deps.onIndexError?.(error);
      throw new UnavailableError('The search index is not answering, so nothing was deleted (its passages would still be found). Try again once it is back.');
    });
    // Its chunks, documents, sync runs and stored file go with it (foreign keys cascade).
    await this.deps.sources.delete(id);
    this.deps.retriever.passagesChanged();
  }

  /** Adds a website and queues its first sync. */
  async createWebsite(actor: Actor, input: WebsiteInput): Promise<{ source: Source; run: SyncRun }> {
    const add = async () => {
      const settings = this.#validWebsite(input);
      if (!input.saveAnyway) await this.#checkStartPage(settings);
      const source = await this.deps.sources.insert({ kind: 'website', name: new URL(settings.startUrl).host, settings: { ...settings } });
      const run = await this.deps.runs.enqueue(source.id, 'created');
      return { source: (await this.deps.sources.update(source.id, { status: 'queued' })) ?? source, run };
    };
    return this.deps.authority.perform(actor, 'knowledge.added', add, ({ source }) => ({ target: source.name, details: { kind: 'website', startUrl: source.settings.startUrl } }));
  }

  async updateWebsite(actor: Actor, id: string, input: WebsiteInput): Promise<Source> {
    const source = await this.getSource(id);
    const update = async () => {
      if (source.kind !== 'website') throw new ValidationError('Only websites have these settings.');
      const settings = this.#validWebsite(input);
      return (await this.deps.sources.update(id, { name: new URL(settings.startUrl).host, settings: { ...settings } })) ?? source;
    };
    return this.deps.authority.perform(actor, 'knowledge.changed', update, (s) => ({ target: s.name, details: changes(source.settings, s.settings) }));
  }

  /** Stores an uploaded document and queues it to be read and indexed. */
  async createFile(actor: Actor, upload: { filename: string; contentType?: string; data: Buffer }): Promise<{ source: Source; run: SyncRun }> {
    return this.deps.authority.perform(actor, 'knowledge.added', () => this.#addFile(upload), ({ source }) => ({ target: source.name, details: { kind: 'file', size: upload.data.length } }));
  }

  async #addFile(upload: { filename: string; contentType?: string; data: Buffer }): Promise<{ source: Source; run: SyncRun }> {
    const filename = upload.filename.replace(/[\\/]/g, '_').trim() || 'document';
    if (!this.deps.reader.supports(filename, upload.contentType)) {
      throw new ValidationError('That kind of file cannot be read.', { file: `${filename}: upload PDF, Word (.docx), Markdown (.md), text (.txt) or HTML.` });
    }
    if (!upload.data.length) throw new ValidationError('The file is empty.', { file: `${filename} is empty.` });
    if (upload.data.length > this.deps.uploadMaxBytes) {
      throw new TooLargeError('The file is too large.', { file: `${filename} is larger than the ${Math.round(this.deps.uploadMaxBytes / 1048576)} MB upload limit.` });
    }
    // Read once before it is stored: a damaged file, a locked PDF or another kind of file with a
    // .pdf name is refused now, in words, instead of becoming a failed source to delete by hand.
    let sections = 0;
    try {
      sections = (await this.deps.reader.read({ filename, contentType: upload.contentType, data: upload.data, url: '' })).sections.length;
    } catch (e) {
      throw new UnreadableSourceError('file', e instanceof Error ? e.message : String(e), false);
    }
    if (!sections) throw new UnreadableSourceError('file', `${filename} has no text Baton can read (a scanned document is pictures of text: export it with its text, or paste the answers as Q&A snippets).`, false);
    const source = await this.deps.sources.insert({ kind: 'file', name: filename, settings: { filename, size: upload.data.length, contentType: upload.contentType ?? null } });
    await this.deps.files.save(source.id, { filename, contentType: upload.contentType, data: upload.data });
    const run = await this.deps.runs.enqueue(source.id, 'created');
    return { source: (await this.deps.sources.update(source.id, { status: 'queued' })) ?? source, run };
  }

  /** Queues a sync (or returns the one already queued or running). */
  async requestSync(actor: Actor, sourceId: string, trigger: SyncTrigger = 'manual'): Promise<SyncRun> {
    const source = await this.getSource(sourceId);
    return this.deps.authority.perform(actor, 'knowledge.sync_requested', () => this.#queueSync(sourceId, trigger), (run) => ({ target: source.name, details: { trigger, run: run.status } }));
  }

  async #queueSync(sourceId: string, trigger: SyncTrigger): Promise<SyncRun> {
    const source = await this.getSource(sourceId);
    if (source.kind === 'snippet') throw new ConflictError('Snippets are indexed as you save them; there is nothing to sync.');
    const run = await this.deps.runs.enqueue(sourceId, trigger);
    if (run.status === 'queued') await this.deps.sources.update(sourceId, { status: 'queued' });
    return run;
  }

  /**
   * Queues a sync of every website whose re-sync interval has passed since it was last synced
   * (the schedule calls this every hour). Safe to run twice: a queued sync is not queued again.
   */
  async requestScheduledSyncs(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    // A few minutes' slack, so a daily sync that took a while is not pushed to the next day.
    const slackMs = 10 * 60_000;
    const due = (await this.deps.sources.list()).filter((s) => {
      if (s.kind !== 'website' || s.status === 'queued' || s.status === 'syncing') return false;
      const hours = RESYNC_INTERVALS[((s.settings as Partial<WebsiteSettings>).resync ?? 'daily') as ResyncInterval] ?? 24;
      if (!hours) return false;
      return !s.lastSyncedAt || now - s.lastSyncedAt.getTime() >= hours * 3_600_000 - slackMs;
    });
    // Not audited: the schedule's own syncs are listed with each source's runs.
    for (const w of due) await this.#queueSync(w.id, 'schedule');
    return due.length;
  }

  /** Hosts of the organisation's websites (where links in answers may point). */
  async websiteHosts(): Promise<string[]> {
    const settings = await this.deps.sources.settingsOfKind('website');
    return settings.map((s) => new URL(String(s.startUrl)).host.toLowerCase());
  }

  latestRun(sourceId: string): Promise<SyncRun | undefined> {
    return this.deps.runs.latestFor(sourceId);
  }

  getRun(id: string): Promise<SyncRun | undefined> {
    return this.deps.runs.findById(id);
  }

  /**
   * Claims the next queued sync and runs it to the end. Returns the finished run, or undefined
   * when there was nothing to do. With `signal` aborted the run stops early and goes back to the
   * queue, to be finished by the next process that starts.
   */
  async runNextSync(signal?: AbortSignal): Promise<SyncRun | undefined> {
    const run = await this.deps.runs.claimNext(STALE_RUN_MS);
    if (!run) return undefined;
    const source = await this.deps.sources.findById(run.sourceId);
    if (!source) return undefined;
    await this.deps.sources.update(source.id, { status: 'syncing' });
    try {
      const outcome = source.kind === 'file' ? await this.#syncFile(source, run) : await this.#syncWebsite(source, run, signal);
      if (outcome === 'interrupted') {
        await this.deps.runs.requeue(run.id);
        await this.deps.sources.update(source.id, { status: 'queued' });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.deps.runs.finish(run.id, { status: 'failed', error: message });
      await this.deps.sources.update(source.id, { status: 'failed', lastError: message });
    }
    return this.deps.runs.findById(run.id);
  }

  async #syncFile(source: Source, run: SyncRun): Promise<'done'> {
    const file = await this.deps.files.get(source.id);
    if (!file) throw new Error('The uploaded file is missing; upload it again.');
    let drafts: ChunkDraft[];
    try {
      drafts = chunkDocument(await this.deps.reader.read({ ...file, url: '' }));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      await this.deps.runs.finish(run.id, { status: 'failed', error: reason, found: 1, fetched: 1, failed: 1, failures: [{ url: file.filename, reason }] });
      await this.deps.sources.update(source.id, { status: 'failed', lastError: reason });
      return 'done';
    }
    const indexed = await this.#replacePassages(source.id, drafts);
    await this.deps.runs.finish(run.id, { status: 'succeeded', found: 1, fetched: 1, indexed: 1 });
    await this.deps.sources.update(source.id, { status: 'idle', lastSyncedAt: this.deps.clock.now(), lastError: indexed ? null : INDEX_BEHIND });
    return 'done';
  }

  /** A source's passages, replaced in Postgres (one transaction) and then in the search index. */
  /** Returns false when only Postgres has them (the index did not answer). */
  async #replacePassages(sourceId: string, drafts: ChunkDraft[]): Promise<boolean> {
    const chunks = await this.deps.chunks.replaceForSource(sourceId, drafts);
    return this.#toIndex(async () => {
      await this.deps.index.deleteBySource(sourceId);
      await this.deps.index.upsert(chunks);
    });
  }

  /**
   * Passages Postgres has changed, passed on to the search index. Returns false when only Postgres
   * has them: it answers while the index is down, and the index catches up with `baton reindex`,
   * which the caller's note on the source (INDEX_BEHIND) tells the admin to run.
   */
  async #toIndex(write: () => Promise<void>): Promise<boolean> {
    this.deps.retriever.passagesChanged();
    try {
      await write();
      return true;
    } catch (error) {
      if (!this.deps.fallback) throw error;
      this.deps.onIndexError?.(error);
      return false;
    }
  }


  async #syncWebsite(source: Source, run: SyncRun, signal?: AbortSignal): Promise<'done' | 'interrupted'> {
    const settings = source.settings as unknown as WebsiteSettings;
    const previous = new Map((await this.deps.documents.listForSource(source.id)).map((d) => [d.url, d]));
    const oldChunks = await this.deps.chunks.listForSource(source.id);
    const drafts = new Map<string, ChunkDraft[]>();
    const documents = new Map<string, StoredDocument>();
    const failures: { url: string; reason: string }[] = [];
    const counts = { indexed: 0, unchanged: 0, failed: 0 };
    const skipped: Partial<Record<SkipBucket, number>> = {};
    const pages = new Map<string, Omit<SourcePage, 'checkedAt'>>();
    const listPage = (url: string, status: SourcePage['status'], reason: string | null, title: string | null) => {
      const before = pages.get(url);
      // A page read under this address stays "indexed" when another link to it is skipped as a duplicate.
      if (before && (before.status === 'indexed' || before.status === 'unchanged') && status === 'skipped') return;
      if (pages.size < MAX_PAGES_LISTED || before) pages.set(url, { url, status, reason, title });
    };
    let startFailure: string | undefined;
    let lastSaved = 0;
    const save = async (summary: { found: number; fetched: number }, force = false) => {
      if (!force && Date.now() - lastSaved < PROGRESS_EVERY_MS) return;
      lastSaved = Date.now();
      const progress: SyncProgress = { found: summary.found, fetched: summary.fetched, ...counts, skipped, failures };
      await this.deps.runs.progress(run.id, progress);
    };
    const start = normaliseUrl(settings.startUrl);

    const onEvent = async (event: CrawlEvent) => {
      if (event.type === 'file') {
        // A PDF linked from the site: read it like an upload, citing its URL and pages.
        try {
          const doc = await this.#readLinked(event.url, event.contentType, event.body);
          drafts.set(event.url, chunkDocument(doc));
          documents.set(event.url, { url: event.url, title: withoutControlCharacters(doc.title), etag: event.etag ?? null, lastModified: event.lastModified ?? null, contentHash: '' });
          counts.indexed++;
          listPage(event.url, 'indexed', null, withoutControlCharacters(doc.title));
        } catch (e) {
          counts.failed++;
          const reason = e instanceof Error ? e.message : String(e);
          if (failures.length < MAX_FAILURES_KEPT) failures.push({ url: event.url, reason });
          listPage(event.url, 'failed', reason, null);
        }
        return;
      }
      if (event.type === 'page') {
        const doc = event.document;
        drafts.set(event.url, chunkDocument(doc));
        documents.set(event.url, { url: event.url, title: withoutControlCharacters(doc.title), etag: event.etag ?? null, lastModified: event.lastModified ?? null, contentHash: event.contentHash });
        // Read again but the same as last time (a server without validators): unchanged too.
        const same = previous.get(event.url)?.contentHash === event.contentHash;
        if (same) counts.unchanged++;
        else counts.indexed++;
        listPage(event.url, same ? 'unchanged' : 'indexed', null, withoutControlCharacters(doc.title));
        // The address that was queued, when the page is known by another (a redirect, a canonical URL).
        if (event.via) listPage(event.via, 'skipped', `read as ${event.url}`, null);
      } else if (event.type === 'unchanged') {
        // Keep what the last sync made of this page.
        const before = previous.get(event.url);
        const kept = oldChunks.filter((c) => c.url.replace(/#.*$/, '') === event.url);
        if (before) documents.set(event.url, before);
        drafts.set(event.url, kept.map(({ url, title, headingPath, page, language, text }) => ({ url, title, headingPath, page, language, text })));
        counts.unchanged++;
        listPage(event.url, 'unchanged', null, before?.title ?? null);
      } else if (event.type === 'failed') {
        const reason = event.reason;
        if (event.url === start) startFailure = reason;
        counts.failed++;
        if (failures.length < MAX_FAILURES_KEPT) failures.push({ url: event.url, reason });
        listPage(event.url, 'failed', reason, null);
      } else if (event.type === 'skipped') {
        skipped[event.bucket] = (skipped[event.bucket] ?? 0) + 1;
        listPage(event.url, 'skipped', event.reason, null);
      }
    };

    const summary = await crawl(
      {
        startUrl: settings.startUrl,
        sitemapUrl: settings.sitemapUrl,
        maxPages: settings.maxPages,
        maxDepth: settings.maxDepth,
        include: settings.include,
        exclude: settings.exclude,
        concurrency: this.deps.crawl.concurrency,
        delayMs: this.deps.crawl.delayMs,
        known: new Map([...previous.values()].map((d) => [d.url, { ...(d.etag ? { etag: d.etag } : {}), ...(d.lastModified ? { lastModified: d.lastModified } : {}) }])),
      },
      { web: this.deps.web, signal, onProgress: (s) => save(s) },
      onEvent,
    );
    if (signal?.aborted) {
      await save(summary, true);
      return 'interrupted';
    }
    // A site that is down must not wipe what Baton knew about it.
    if (startFailure && counts.indexed === 0 && counts.unchanged === 0) {
      const error = `Could not read the start page: ${startFailure}`;
      await this.deps.runs.finish(run.id, { status: 'failed', error, found: summary.found, fetched: summary.fetched, ...counts, skipped, notReached: summary.notReached, failures });
      await this.deps.sources.update(source.id, { status: 'failed', lastError: error });
      return 'done';
    }
    const now = this.deps.clock.now();
    const indexed = await this.deps.locker.withLock(`source:${source.id}`, async () => {
      // A page excluded while this sync ran stays excluded.
      const current = (await this.deps.sources.findById(source.id))?.settings as unknown as WebsiteSettings | undefined;
      const outside = patternFilter(current ?? settings, start);
      for (const url of [...drafts.keys()].filter(outside)) {
        drafts.delete(url);
        documents.delete(url);
        pages.set(url, { url, status: 'skipped', reason: EXCLUDED_BY_YOU, title: pages.get(url)?.title ?? null });
      }
      const written = await this.#replacePassages(source.id, [...drafts.values()].flat());
      await this.deps.documents.replaceForSource(source.id, [...documents.values()].map((d) => ({ ...d, fetchedAt: now })));
      await this.deps.pages.replaceForSource(source.id, [...pages.values()], now);
      return written;
    });
    await this.deps.runs.finish(run.id, { status: 'succeeded', found: summary.found, fetched: summary.fetched, ...counts, skipped, notReached: summary.notReached, failures });
    await this.deps.sources.update(source.id, { status: 'idle', lastSyncedAt: now, lastError: indexed ? null : INDEX_BEHIND });
    return 'done';
  }

  /** A page of a website's Pages tab: what the last sync (or a re-read) made of each URL. */
  async listPages(sourceId: string, opts: { filter?: 'indexed' | 'not_indexed'; q?: string; page?: number }): Promise<{ source: Source; pages: SourcePage[]; total: number; page: number; perPage: number }> {
    const source = await this.#website(sourceId);
    const perPage = 50;
    const page = Math.max(1, Math.min(opts.page ?? 1, 10_000));
    const { pages, total } = await this.deps.pages.list(source.id, { filter: opts.filter, q: opts.q?.trim().slice(0, 200) || undefined, offset: (page - 1) * perPage, limit: perPage });
    return { source, pages, total, page, perPage };
  }

  async page(sourceId: string, url: string): Promise<SourcePage> {
    return this.#listedPage(await this.#website(sourceId), url);
  }

  /**
   * Keeps one page out of a website for good: its address joins the exclude patterns and its
   * passages leave search now (not at the next sync).
   */
  async excludePage(actor: Actor, sourceId: string, url: string): Promise<Source> {
    const exclusion = () =>
      this.#withPage(sourceId, url, async (source, page, settings) => {
        if (normaliseUrl(settings.startUrl) === page.url) throw new ValidationError('The start page cannot be excluded: change the start page in Settings instead.');
        const u = new URL(page.url);
        const pattern = u.pathname + u.search;
        // Patterns read * as "anything": such an address would exclude far more than this page.
        if (pattern.includes('*')) throw new ValidationError('This address contains *, which patterns read as “anything”: add a narrower pattern in Settings instead.');
        if (pattern.length > 500) throw new ValidationError('This address is too long to keep as a pattern: add a shorter pattern with * in Settings instead.');
        const exclude = settings.exclude.includes(pattern) ? settings.exclude : [...settings.exclude, pattern];
        if (exclude.length > 50) throw new ValidationError('This website already has 50 exclude patterns: combine some with * in Settings first.');
        const updated = (await this.deps.sources.update(source.id, { settings: { ...settings, exclude } })) ?? source;
        await this.#replacePagePassages(source.id, page.url, []);
        await this.deps.pages.update(source.id, page.url, { status: 'skipped', reason: EXCLUDED_BY_YOU }, this.deps.clock.now());
        return updated;
      });
    return this.deps.authority.perform(actor, 'knowledge.page_excluded', exclusion, (updated) => ({ target: updated.name, details: { page: url } }));
  }

  /**
   * Reads one page again now and replaces its passages (after fixing it on the site, say), held
   * to the rules a sync keeps: robots.txt, the patterns, the page's own noindex and canonical
   * address. A page that cannot be read is marked so, recorded in the audit log, and said in words.
   */
  async rereadPage(actor: Actor, sourceId: string, url: string): Promise<SourcePage> {
    const reread = () => this.#withPage(sourceId, url, (source, page, settings) => this.#reread(source, page, settings));
    const outcome = await this.deps.authority.perform(actor, 'knowledge.page_reread', reread, (o) => ({ target: o.source.name, details: { page: url, result: o.problem ?? 'indexed' } }));
    if (outcome.problem) throw new UnreadableSourceError('page', `We couldn't read ${url}: ${outcome.problem}.`, false);
    return outcome.page;
  }

  async #reread(source: Source, page: SourcePage, settings: WebsiteSettings): Promise<{ source: Source; page: SourcePage; problem?: string }> {
    if (page.status === 'skipped' && page.reason !== 'no readable text') {
      throw new ValidationError(`This page is not indexed on purpose (${page.reason ?? 'skipped'}): there is nothing to re-read.`);
    }
    const now = this.deps.clock.now();
    const site = siteOf(settings.startUrl);
    const mark = async (status: SourcePage['status'], problem: string | null, drafts: ChunkDraft[] = [], title?: string | null) => {
      await this.#replacePagePassages(source.id, page.url, drafts);
      await this.deps.pages.update(source.id, page.url, { status, reason: problem, ...(title !== undefined ? { title } : {}) }, now);
      return { source, page: { ...page, status, reason: problem, title: title ?? page.title, checkedAt: now }, problem: problem ?? undefined };
    };
    if (patternFilter(settings, normaliseUrl(settings.startUrl))(page.url)) return mark('skipped', EXCLUDED_BY_YOU);
    const origin = new URL(page.url).origin;
    try {
      const robots = await this.deps.web.fetch(`${origin}/robots.txt`, {}, (next) => siteOf(next) === site);
      if (robots.status < 400 && !this.deps.web.parseRobots(`${origin}/robots.txt`, robots.body.toString('utf8')).isAllowed(page.url)) return mark('skipped', 'robots.txt disallows it');
    } catch {
      // No robots.txt we can read means no rules, as in a sync.
    }
    let res;
    try {
      res = await this.deps.web.fetch(page.url, {}, (next) => siteOf(next) === site);
    } catch (e) {
      return mark('failed', fetchProblem(e));
    }
    if (res.status >= 400) return mark('failed', `the server answered HTTP ${res.status}`);
    let doc: ExtractedDocument;
    try {
      if (res.contentType === 'application/pdf') {
        doc = await this.#readLinked(page.url, res.contentType, res.body);
      } else if (res.contentType === 'text/html' || res.contentType === 'application/xhtml+xml') {
        const html = await this.deps.web.extractHtml(res.body.toString('utf8'), page.url);
        if (html.noindex) return mark('skipped', 'the page asks not to be indexed (robots meta)');
        const canonical = html.canonicalUrl ? normaliseUrl(html.canonicalUrl) : undefined;
        if (canonical && canonical !== page.url && siteOf(canonical) === site) return mark('skipped', `its canonical page ${canonical} is read instead`);
        doc = { ...html.document, url: page.url };
      } else return mark('failed', `it is not a page or a PDF (${res.contentType || 'no content type'})`);
    } catch (e) {
      return mark('failed', e instanceof Error ? e.message : String(e));
    }
    const drafts = chunkDocument(doc);
    if (!drafts.length) return mark('skipped', 'no readable text');
    return mark('indexed', null, drafts, withoutControlCharacters(doc.title));
  }

  /**
   * A page action on a website, one at a time per website (a sync's end takes the same lock),
   * and never while a sync is under way (its end would write over the change).
   */
  async #withPage<T>(sourceId: string, url: string, act: (source: Source, page: SourcePage, settings: WebsiteSettings) => Promise<T>): Promise<T> {
    return this.deps.locker.withLock(`source:${sourceId}`, async () => {
      const source = await this.#website(sourceId, true);
      const page = await this.#listedPage(source, url);
      const settings = source.settings as unknown as WebsiteSettings;
      // After the start page moved to another site, the old site's pages are not this website's.
      if (siteOf(page.url) !== siteOf(settings.startUrl)) throw new NotFoundError('That page is on another site than this website’s start page now: sync it to list its own pages.');
      return act(source, page, settings);
    });
  }

  async #website(sourceId: string, idle = false): Promise<Source> {
    const source = await this.getSource(sourceId);
    if (source.kind !== 'website') throw new NotFoundError('Only websites have a list of pages.');
    // A sync in progress writes every page's passages at its end, which would undo this change.
    if (idle && (source.status === 'syncing' || source.status === 'queued')) throw new ConflictError('A sync of this website is under way: try again once it has finished.');
    return source;
  }

  /** Only URLs the website's sync found: re-read and exclude never fetch an address typed in. */
  async #listedPage(source: Source, url: string): Promise<SourcePage> {
    const page = await this.deps.pages.find(source.id, url);
    if (!page) throw new NotFoundError('That page is not one of this website’s pages (a newer sync may have dropped it).');
    return page;
  }

  /** A PDF linked from a website, read like an upload and cited by its URL. */
  #readLinked(url: string, contentType: string, data: Buffer): Promise<ExtractedDocument> {
    const filename = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'document.pdf');
    return this.deps.reader.read({ filename, contentType, data, url });
  }

  /** One page's passages swapped for new ones (none: removed), in Postgres and then in the index. */
  async #replacePagePassages(sourceId: string, url: string, drafts: ChunkDraft[]): Promise<void> {
    const { removed, added } = await this.deps.chunks.replaceForUrl(sourceId, url, drafts);
    const indexed = await this.#toIndex(async () => {
      await this.deps.index.deleteByIds(removed);
      await this.deps.index.upsert(added);
    });
    if (!indexed) await this.deps.sources.update(sourceId, { lastError: INDEX_BEHIND });
  }


  /**
   * Reads the start page once before a website is added, so a typo or a site that is down is
   * said at once, in words, instead of becoming a failed source to delete by hand.
   */
  async #checkStartPage(settings: WebsiteSettings): Promise<void> {
    const url = settings.startUrl;
    const host = new URL(url).host;
    const site = siteOf(url);
    let res;
    try {
      res = await this.deps.web.fetch(url, {}, (next) => siteOf(next) === site);
    } catch (e) {
      const reason = fetchProblem(e);
      throw new UnreadableSourceError('startUrl', `We couldn't read ${host}: ${reason}.`, true);
    }
    if (res.status >= 400) {
      const what = res.status === 404 || res.status === 410 ? 'there is no page at this address' : res.status === 401 || res.status === 403 ? 'the page is not public (it asks for a sign-in)' : 'the server had a problem';
      throw new UnreadableSourceError('startUrl', `We couldn't read ${host}: ${what} (HTTP ${res.status}).`, true);
    }
    if (!['text/html', 'application/xhtml+xml', 'application/pdf'].includes(res.contentType)) {
      throw new UnreadableSourceError('startUrl', `${url} is not a web page (it is ${res.contentType || 'of no stated type'}): give the address of your help center's home page.`, false);
    }
  }

  /** What a new website starts with, shown in the form rather than left blank. */
  websiteDefaults(): { maxPages: number; maxDepth: number } {
    return { maxPages: this.deps.crawl.maxPages, maxDepth: DEFAULT_DEPTH };
  }

  #validWebsite(input: WebsiteInput): WebsiteSettings {
    const fields: Record<string, string> = {};
    const url = (raw: string | undefined, field: string) => {
      if (!raw?.trim()) return undefined;
      // "help.example.com" is what people type: https:// is assumed.
      const typed = raw.trim();
      const u = normaliseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
      if (!u) fields[field] = 'Enter a full http:// or https:// address.';
      return u;
    };
    const sitemapUrl = url(input.sitemapUrl, 'sitemapUrl');
    // A sitemap alone is enough: the crawl then starts at its site's home page.
    const startUrl = url(input.startUrl, 'startUrl') ?? (sitemapUrl && !input.startUrl?.trim() ? new URL('/', sitemapUrl).href : undefined);
    if (!input.startUrl?.trim() && !input.sitemapUrl?.trim()) fields.startUrl = 'Enter the address of your help center or website, or its sitemap.';
    if (startUrl && sitemapUrl && new URL(startUrl).hostname.replace(/^www\./, '') !== new URL(sitemapUrl).hostname.replace(/^www\./, '')) {
      fields.sitemapUrl = 'The sitemap must be on the same site as the start page.';
    }
    const maxPages = input.maxPages ?? this.deps.crawl.maxPages;
    if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 100_000) fields.maxPages = 'Use a whole number from 1 to 100,000.';
    const maxDepth = input.maxDepth ?? DEFAULT_DEPTH;
    if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 50) fields.maxDepth = 'Use a whole number from 0 to 50.';
    const patterns = (list: string[] | undefined) => (list ?? []).map((p) => p.trim()).filter(Boolean).slice(0, 50);
    const resync = (input.resync || 'daily') as ResyncInterval;
    if (!(resync in RESYNC_INTERVALS)) fields.resync = 'Choose daily, weekly or never.';
    if (Object.keys(fields).length) throw new ValidationError('Please correct the highlighted fields.', fields);
    return { startUrl: startUrl!, resync, ...(sitemapUrl ? { sitemapUrl } : {}), maxPages, maxDepth, include: patterns(input.include), exclude: patterns(input.exclude) };
  }

  /** The passages that best answer a question (see Retriever). */
  search(question: string, opts: { limit?: number; language?: string } = {}): Promise<SearchResult> {
    return this.deps.retriever.search(question, opts);
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
    // The index has caught up with what was saved while it was down.
    for (const source of await this.deps.sources.list()) if (source.lastError === INDEX_BEHIND) await this.deps.sources.update(source.id, { lastError: null });
    return done;
  }

  async #indexSnippet(source: Source, snippet: SnippetInput): Promise<Source> {
    // A snippet has no page of its own to link to, so its passages carry no URL.
    const indexed = await this.#replacePassages(source.id, chunkDocument({ url: '', title: snippet.question, sections: [{ headingPath: [], text: snippet.answer }] }));
    const now = this.deps.clock.now();
    return (await this.deps.sources.update(source.id, { status: 'idle', lastSyncedAt: now, lastError: indexed ? null : INDEX_BEHIND })) ?? source;
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

}
