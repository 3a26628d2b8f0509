import { Worker } from 'node:worker_threads';
import type { ExtractedDocument, ExtractedPage } from '../../services/knowledge/types.js';
import type { FileInput } from '../../services/ports.js';

/** What a parse worker is asked to read. */
export type ParseTask =
  | { kind: 'file'; file: Omit<FileInput, 'data'> & { data: Uint8Array } }
  | { kind: 'html'; html: string; url: string }
  | { kind: 'sitemap'; body: Uint8Array };

export interface ParseLimits {
  /** Workers reading at once (each is a thread with its own heap). */
  workers: number;
  /** Heap one worker may use; past it the worker dies and only that document fails. */
  maxMemoryMb: number;
  /** Time one document may take; past it the worker is stopped and that document fails. */
  timeoutMs: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { workers: 2, maxMemoryMb: 256, timeoutMs: 30_000 };

interface Slot {
  worker: Worker | undefined;
  busy: boolean;
}

/**
 * Documents, pages and sitemaps are read in worker threads, off the event loop that answers
 * visitors: a PDF that takes minutes, a .docx that inflates to gigabytes or a sitemap bomb
 * costs one worker (stopped at the time or memory limit, and started afresh for the next
 * document), the document fails with the reason, and every request meanwhile is answered.
 */
export class ParsePool {
  readonly #slots: Slot[];
  readonly #waiting: (() => void)[] = [];
  #nextId = 0;
  #closed = false;

  constructor(private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS) {
    this.#slots = Array.from({ length: Math.max(1, limits.workers) }, () => ({ worker: undefined, busy: false }));
  }

  readFile(file: FileInput): Promise<ExtractedDocument> {
    return this.#run({ kind: 'file', file: { ...file, data: new Uint8Array(file.data) } }, file.filename) as Promise<ExtractedDocument>;
  }

  extractHtml(html: string, url: string): Promise<ExtractedPage> {
    return this.#run({ kind: 'html', html, url }, url) as Promise<ExtractedPage>;
  }

  parseSitemap(body: Buffer): Promise<{ urls: string[]; sitemaps: string[] }> {
    return this.#run({ kind: 'sitemap', body: new Uint8Array(body) }, 'the sitemap') as Promise<{ urls: string[]; sitemaps: string[] }>;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker?.terminate()));
  }

  async #run(task: ParseTask, what: string): Promise<unknown> {
    if (this.#closed) throw new Error('the server is shutting down');
    const slot = await this.#take();
    try {
      return await this.#ask(slot, task, what);
    } finally {
      slot.busy = false;
      this.#waiting.shift()?.();
    }
  }

  async #take(): Promise<Slot> {
    for (;;) {
      const free = this.#slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #ask(slot: Slot, task: ParseTask, what: string): Promise<unknown> {
    const worker = (slot.worker ??= this.#spawn());
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        fn();
      };
      // The worker is gone (or must go): the next document gets a fresh one.
      const discard = () => {
        if (slot.worker === worker) slot.worker = undefined;
        void worker.terminate();
      };
      const timer = setTimeout(() => done(() => (discard(), reject(new Error(`${what} took longer than ${this.limits.timeoutMs / 1000} s to read`)))), this.limits.timeoutMs);
      const onMessage = (m: { id: number; ok: boolean; result?: unknown; message?: string }) => {
        if (m.id !== id) return;
        done(() => (m.ok ? resolve(m.result) : reject(new Error(m.message))));
      };
      const onError = (err: Error & { code?: string }) =>
        done(() => {
          discard();
          reject(new Error(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `${what} needs more than ${this.limits.maxMemoryMb} MB to read` : `${what} could not be read: ${err.message}`));
        });
      const onExit = () => done(() => (discard(), reject(new Error(`${what} could not be read: the reader stopped`))));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, task });
    });
  }

  #spawn(): Worker {
    // Under tsx (development, tests) the worker is TypeScript and needs tsx's loader too.
    const typescript = import.meta.url.endsWith('.ts');
    const worker = new Worker(new URL(`./parse-worker.${typescript ? 'ts' : 'js'}`, import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb, maxYoungGenerationSizeMb: 32 },
      ...(typescript ? { execArgv: ['--import', 'tsx'] } : {}),
    });
    // An idle worker must not keep the process alive.
    worker.unref();
    return worker;
  }
}
