/**
 * Retrieval latency at 10,000 chunks, for each available backend (Postgres always, Meilisearch
 * when MEILI_URL is set), on 10,000 passages of real documentation prose (see paragraphs()).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MeilisearchIndex } from '../src/adapters/search/meilisearch.js';
import { PostgresSearchIndex } from '../src/adapters/search/postgres.js';
import { ChunksRepo } from '../src/adapters/storage/chunks-repo.js';
import { createDb } from '../src/adapters/storage/db.js';
import { startEmbeddedPostgres } from '../src/adapters/storage/embedded-postgres.js';
import { migrateLatest } from '../src/adapters/storage/migrate.js';
import { toSearchTerms } from '../src/lib/search-query.js';
import type { SearchIndex } from '../src/services/ports.js';
import { Retriever } from '../src/services/knowledge/retriever.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHUNKS = 10_000;
const QUERIES = 300;

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

/**
 * Real technical prose, like a help center's: the paragraphs of the Markdown documentation that
 * ships inside node_modules (the lockfile pins it, so every run reads the same text), with code
 * blocks and Markdown syntax removed. Titles come from the nearest heading.
 */
export function paragraphs(): { title: string; heading: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.toLowerCase().endsWith('.md') && fs.statSync(p).size > 2048) files.push(p);
    }
  };
  walk(path.join(ROOT, 'node_modules'));
  const out: { title: string; heading: string; text: string }[] = [];
  for (const file of files) {
    const md = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, ' ');
    let title = path.basename(path.dirname(file));
    let heading = title;
    for (const block of md.split(/\n\s*\n/)) {
      const h = /^#{1,6}\s+(.+)$/m.exec(block);
      if (h) {
        heading = h[1]!.replace(/[`*_[\]()#]/g, '').trim();
        if (block.startsWith('# ')) title = heading;
        continue;
      }
      const text = block.replace(/<[^>]+>/g, ' ').replace(/[`*_#>|[\]]/g, ' ').replace(/\(https?:[^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
      if (text.split(' ').length >= 25) out.push({ title, heading, text: text.slice(0, 1500) });
    }
  }
  return out;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function retrievalBench(): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const rand = rng(42);
  const prose = paragraphs();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: 55_000 + Math.floor(rand() * 5000) });
  const db = createDb(pg.url);
  try {
    await migrateLatest(db);
    const [{ id: sourceId }] = (await db('sources').insert({ kind: 'website', name: 'bench' }).returning('id')) as [{ id: string }];
    const drafts = Array.from({ length: CHUNKS }, (_, i) => {
      const p = prose[i % prose.length]!;
      return { url: `https://help.bench.test/page-${Math.floor(i / 5)}#s${i % 5}`, title: p.title, headingPath: [p.heading], page: null, language: 'en', text: p.text };
    });
    rows.push(['corpus', `${CHUNKS} chunks from ${prose.length} real documentation paragraphs`]);
    const t0 = performance.now();
    const chunks = await new ChunksRepo(db).replaceForSource(sourceId!, drafts);
    rows.push([`index ${CHUNKS} chunks into Postgres (tsvector + GIN)`, `${((performance.now() - t0) / 1000).toFixed(1)} s`]);
    await db.raw('analyze chunks');

    // A visitor's question: a few words of some passage, wrapped in the way people ask.
    const questions = Array.from({ length: QUERIES }, () => {
      const words = drafts[Math.floor(rand() * drafts.length)]!.text.split(' ').filter((w) => /^[a-z]{4,}$/i.test(w));
      const pick = () => words[Math.floor(rand() * words.length)] ?? 'help';
      return `Hi, how do I ${pick()} the ${pick()} when ${pick()} ${pick()}?`;
    });
    // The same questions with each long word misspelt (a letter inside it doubled): the typo
    // correction then looks every such word up among the corpus's terms.
    const misspelt = questions.map((q) => q.replace(/\b([a-z]{3})([a-z])([a-z]{3,})\b/gi, '$1$2$2$3'));
    const backends: [string, SearchIndex][] = [['postgres', new PostgresSearchIndex(db, { name: 'database', check: async () => ({ ok: true }) })]];
    if (process.env.MEILI_URL) {
      const meili = new MeilisearchIndex({ url: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY, indexUid: `chunks_bench_${Date.now()}` });
      await meili.prepare();
      await meili.upsert(chunks);
      backends.push(['meilisearch', meili]);
    }
    for (const [name, index] of backends) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < QUERIES + 20; i++) {
        const q = toSearchTerms(questions[i % QUERIES]!, 'en');
        const s = performance.now();
        const hits = await index.search({ terms: q.terms, language: 'en', limit: 5 });
        if (i >= 20) {
          times.push(performance.now() - s);
          if (hits.length) found++;
        }
      }
      times.sort((a, b) => a - b);
      rows.push([`backend alone at ${CHUNKS} chunks, ${name}, top 5, n=${QUERIES}`, `p50 ${percentile(times, 50).toFixed(2)} ms · p95 ${percentile(times, 95).toFixed(2)} ms (${found}/${QUERIES} with hits)`]);

      // What a visitor's question costs: the backend's 200 candidates, then Baton's ranking.
      const retriever = new Retriever({ chunks: new ChunksRepo(db), index });
      const s0 = performance.now();
      await retriever.corpusStats();
      rows.push([`corpus statistics at ${CHUNKS} chunks (built once per change)`, `${(performance.now() - s0).toFixed(0)} ms`]);
      const full: number[] = [];
      for (let i = 0; i < QUERIES + 20; i++) {
        const s = performance.now();
        await retriever.search(questions[i % QUERIES]!, { limit: 5, language: 'en' });
        if (i >= 20) full.push(performance.now() - s);
      }
      full.sort((a, b) => a - b);
      rows.push([`retrieval at ${CHUNKS} chunks, ${name}, candidates + ranking, top 5, n=${QUERIES}`, `p50 ${percentile(full, 50).toFixed(2)} ms · p95 ${percentile(full, 95).toFixed(2)} ms`]);
      const typos: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const s = performance.now();
        await retriever.search(misspelt[i]!, { limit: 5, language: 'en' });
        typos.push(performance.now() - s);
      }
      typos.sort((a, b) => a - b);
      rows.push([`the same, every long word misspelt (typo correction), n=${QUERIES}`, `p50 ${percentile(typos, 50).toFixed(2)} ms · p95 ${percentile(typos, 95).toFixed(2)} ms`]);
    }
    if (!process.env.MEILI_URL) rows.push(['retrieval, meilisearch', 'not measured: set MEILI_URL (docker compose --profile test up -d meilisearch-test)']);
  } finally {
    await db.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
