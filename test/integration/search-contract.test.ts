import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MeilisearchIndex } from '../../src/adapters/search/meilisearch.js';
import { PostgresSearchIndex } from '../../src/adapters/search/postgres.js';
import { ChunksRepo } from '../../src/adapters/storage/chunks-repo.js';
import { createDb, type Db } from '../../src/adapters/storage/db.js';
import { migrateLatest } from '../../src/adapters/storage/migrate.js';
import { toSearchTerms } from '../../src/lib/search-query.js';
import { chunkDocument } from '../../src/services/knowledge/chunking.js';
import { CorpusStatsBuilder, queryTermsOf } from '../../src/services/knowledge/ranking.js';
import type { ExtractedDocument } from '../../src/services/knowledge/types.js';
import type { SearchIndex } from '../../src/services/ports.js';
import { truncateAll, workerDatabaseUrl } from '../support/db.js';

/**
 * The SearchIndex contract. It runs against Postgres always and against Meilisearch whenever
 * MEILI_URL is set: `docker compose --profile test up -d meilisearch-test`, then
 * MEILI_URL=http://127.0.0.1:7701 MEILI_MASTER_KEY=baton-test-master-key-0123456789 npm test
 */
const meili = process.env.MEILI_URL;
if (!meili) console.warn('NOTICE: search contract runs on Postgres only: set MEILI_URL (see README, Tests) to run it on Meilisearch too.');

const backends: [string, (db: Db) => Promise<{ index: SearchIndex; cleanup(): Promise<void> }>][] = [
  ['postgres', async (db) => ({ index: new PostgresSearchIndex(db, { name: 'database', check: async () => ({ ok: true }) }), cleanup: async () => {} })],
];
if (meili) {
  backends.push([
    'meilisearch',
    async () => {
      const uid = `chunks_contract_${process.env.VITEST_POOL_ID ?? '1'}_${Date.now()}`;
      const index = new MeilisearchIndex({ url: meili, apiKey: process.env.MEILI_MASTER_KEY, indexUid: uid });
      await index.prepare();
      await index.prepare(); // safe to run at every start
      return { index, cleanup: async () => void (await new Meilisearch({ host: meili, apiKey: process.env.MEILI_MASTER_KEY }).deleteIndex(uid).waitTask()) };
    },
  ]);
}

const helpCenter: ExtractedDocument[] = [
  {
    url: 'https://help.acme.test/billing',
    title: 'Billing and payments',
    language: 'en',
    sections: [
      { headingPath: ['Billing and payments'], text: 'Acme bills monthly or yearly. Invoices are emailed to the account owner on the first day of each period.' },
      { headingPath: ['Billing and payments', 'Refunds'], anchor: 'refunds', text: 'You can ask for a refund within 30 days of a charge. Refunds are paid back to the original card within five working days.' },
      { headingPath: ['Billing and payments', 'Changing your card'], anchor: 'card', text: 'Update the payment card under Settings, then Billing. The new card is used from the next invoice.' },
    ],
  },
  {
    url: 'https://help.acme.test/account',
    title: 'Your account',
    language: 'en',
    sections: [
      { headingPath: ['Your account', 'Resetting your password'], anchor: 'password', text: 'Click "Forgot password" on the sign-in page. We email a link that works for one hour.' },
      { headingPath: ['Your account', 'Cancelling your subscription'], anchor: 'cancel', text: 'Cancel any time under Settings, then Plan. Your data is kept for 30 days after cancellation.' },
    ],
  },
  {
    url: 'https://help.acme.test/da/konto',
    title: 'Din konto',
    language: 'da',
    sections: [{ headingPath: ['Din konto', 'Opsigelse'], anchor: 'opsigelse', text: 'Du kan opsige dit abonnement når som helst under Indstillinger. Dine data gemmes i 30 dage.' }],
  },
  {
    url: 'https://docs.acme.test/manual.pdf',
    title: 'Administrator manual',
    language: 'en',
    sections: [{ headingPath: ['Single sign-on'], page: 7, text: 'Enterprise plans support SAML single sign-on with Okta and Azure AD.' }],
  },
];

let db: Db;
beforeAll(async () => {
  db = createDb(await workerDatabaseUrl());
  await migrateLatest(db);
});
afterAll(async () => {
  await truncateAll(db);
  await db.destroy();
});

// Baton's retriever sends each word's index terms too (as its ranking analyses them); a backend
// may use them or parse the words itself. The contract holds either way.
const cases = backends.flatMap(([name, make]) => [
  [`${name}, words`, make, false],
  [`${name}, words and index terms`, make, true],
] as const);

describe.each(cases)('SearchIndex contract: %s', (_name, make, withVariants) => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  let sources: Record<'help' | 'manual', string>;
  const repo = () => new ChunksRepo(db);

  const ask = async (question: string, limit = 3) => {
    const q = toSearchTerms(question);
    if (!withVariants) return index.search({ terms: q.terms, language: q.language, limit });
    // As the retriever asks: rarest first, weighted by rarity over the passages stored.
    const builder = new CorpusStatsBuilder();
    await repo().eachBatch(100, async (batch) => batch.forEach((c) => builder.add(c)));
    const query = queryTermsOf(q.terms, q.language, builder.finish());
    return index.search({ terms: query.map((t) => t.word), weights: query.map((t) => t.idf), variants: query.map((t) => t.variants), language: q.language, limit });
  };

  beforeAll(async () => {
    ({ index, cleanup } = await make(db));
  });
  afterAll(async () => {
    await cleanup();
  });
  beforeEach(async () => {
    await truncateAll(db);
    const [help, manual] = await db('sources').insert([{ kind: 'website', name: 'Help center' }, { kind: 'file', name: 'Manual' }]).returning('id');
    sources = { help: (help as { id: string }).id, manual: (manual as { id: string }).id };
    const helpChunks = await repo().replaceForSource(sources.help, helpCenter.slice(0, 3).flatMap((d) => chunkDocument(d)));
    const manualChunks = await repo().replaceForSource(sources.manual, chunkDocument(helpCenter[3]!));
    await index.upsert([...helpChunks, ...manualChunks]);
  });

  it.each([
    ['Hi! Can I get a refund for last month, please?', 'https://help.acme.test/billing#refunds'],
    ['I forgot my password, what do I do', 'https://help.acme.test/account#password'],
    ['how do i cancel my subscription?', 'https://help.acme.test/account#cancel'],
    ['Do you support SAML SSO with Okta?', 'https://docs.acme.test/manual.pdf'],
    ['Hvordan opsiger jeg mit abonnement?', 'https://help.acme.test/da/konto#opsigelse'],
  ])('puts the passage that answers %j first', async (question, url) => {
    const hits = await ask(question);
    expect(hits[0]?.chunk.url).toBe(url);
  });

  it('returns whole chunks: url with anchor, title, heading path, page and language', async () => {
    const [pdf] = await ask('SAML single sign-on');
    expect(pdf!.chunk).toMatchObject({ sourceId: sources.manual, url: 'https://docs.acme.test/manual.pdf', title: 'Administrator manual', headingPath: ['Single sign-on'], page: 7, language: 'en' });
    expect(pdf!.chunk.text).toContain('Okta');
    expect(typeof pdf!.score).toBe('number');
  });

  it('orders by score and respects the limit', async () => {
    const hits = await ask('settings billing card invoice refund', 2);
    expect(hits.length).toBe(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it('matches other forms of a word', async () => {
    const hits = await ask('refund');
    expect(hits[0]?.chunk.headingPath).toEqual(['Billing and payments', 'Refunds']);
  });

  it('finds nothing for nothing, and nothing for words no passage has', async () => {
    expect(await index.search({ terms: [], language: 'en', limit: 5 })).toEqual([]);
    expect(await ask('xylophone zeppelin')).toEqual([]);
  });

  it('forgets a deleted source and keeps the others', async () => {
    // As KnowledgeService.deleteSource does: the index, then the source (its chunks cascade).
    await index.deleteBySource(sources.manual);
    await db('sources').where({ id: sources.manual }).delete();
    expect(await ask('SAML Okta Azure')).toEqual([]);
    expect((await ask('refund'))[0]?.chunk.sourceId).toBe(sources.help);
  });

  it('re-indexing a source replaces its passages instead of adding copies', async () => {
    const again = await repo().replaceForSource(sources.manual, chunkDocument(helpCenter[3]!));
    await index.deleteBySource(sources.manual);
    await index.upsert(again);
    const hits = await ask('SAML single sign-on Okta', 10);
    expect(hits.filter((h) => h.chunk.sourceId === sources.manual)).toHaveLength(1);
  });

  it("re-reading one page replaces that page's passages and keeps the rest of the source", async () => {
    // As KnowledgeService does for "Re-read this page": Postgres first, then the index by ids.
    const page = helpCenter[0]!;
    const before = (await ask('refund', 10)).filter((h) => h.chunk.sourceId === sources.help).length;
    const { removed, added } = await repo().replaceForUrl(sources.help, page.url, chunkDocument({ ...page, sections: [{ headingPath: ['Gift cards'], text: 'Gift cards never expire and can be spent on any plan.' }] }));
    expect(removed.length).toBeGreaterThan(0);
    await index.deleteByIds(removed);
    await index.upsert(added);
    expect((await ask('gift cards expire'))[0]?.chunk.url).toBe(page.url);
    expect((await ask('refund', 10)).filter((h) => h.chunk.url.replace(/#.*$/, '') === page.url)).toEqual([]);
    expect((await ask('refund', 10)).filter((h) => h.chunk.sourceId === sources.help).length).toBeLessThanOrEqual(before);
  });
});

describe('Postgres candidates by index terms', () => {
  it("finds a word its own parser keeps inside a path, as Baton's ranking reads it", async () => {
    const index = new PostgresSearchIndex(db, { name: 'database', check: async () => ({ ok: true }) });
    await truncateAll(db);
    const [{ id }] = (await db('sources').insert({ kind: 'file', name: 'Manual' }).returning('id')) as [{ id: string }];
    await new ChunksRepo(db).replaceForSource(id, chunkDocument({ url: 'https://docs.acme.test/setup', title: 'Setup', language: 'en', sections: [{ headingPath: [], text: 'Edit config/settings.yml, then restart the service.' }] }));
    // Postgres parses "config/settings.yml" as one file token: the word alone finds nothing there.
    expect(await index.search({ terms: ['yml'], language: 'en', limit: 5 })).toEqual([]);
    const hits = await index.search({ terms: ['yml'], variants: [['yml']], language: 'en', limit: 5 });
    expect(hits.map((h) => h.chunk.url)).toEqual(['https://docs.acme.test/setup']);
  });
});

/** Hybrid search always returns the nearest passages, so it has its own promise to keep: the
 * passage that answers still comes first, and indexing with vectors works. */
describe.skipIf(!meili)('Meilisearch hybrid search with Mistral embeddings', () => {
  it('indexes passages with vectors and puts the one that answers first', async () => {
    const { startFakeMistral } = await import('../fakes/mistral.js');
    const { MistralEmbedder } = await import('../../src/adapters/llm/mistral-embeddings.js');
    const mistral = await startFakeMistral();
    const uid = `chunks_hybrid_${process.env.VITEST_POOL_ID ?? '1'}_${Date.now()}`;
    const index = new MeilisearchIndex({ url: meili!, apiKey: process.env.MEILI_MASTER_KEY, indexUid: uid, embedder: new MistralEmbedder({ apiKey: 't', serverUrl: mistral.url, embedModel: 'mistral-embed', timeoutMs: 5000 }) });
    try {
      await index.prepare();
      await truncateAll(db);
      const [{ id }] = (await db('sources').insert({ kind: 'website', name: 'Help' }).returning('id')) as [{ id: string }];
      await index.upsert(await new ChunksRepo(db).replaceForSource(id, helpCenter.flatMap((d) => chunkDocument(d))));
      const q = toSearchTerms('How do I reset my password?');
      const hits = await index.search({ terms: q.terms, text: 'How do I reset my password?', language: q.language, limit: 3 });
      expect(hits[0]?.chunk.url).toBe('https://help.acme.test/account#password');
      expect(mistral.requests.some((r) => r.path === '/v1/embeddings')).toBe(true);
    } finally {
      await new Meilisearch({ host: meili!, apiKey: process.env.MEILI_MASTER_KEY }).deleteIndex(uid).waitTask();
      await mistral.close();
    }
  });
});
