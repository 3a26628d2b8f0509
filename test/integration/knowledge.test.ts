import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MeilisearchIndex } from '../../src/adapters/search/meilisearch.js';
import { PostgresSearchIndex } from '../../src/adapters/search/postgres.js';
import { ChunksRepo } from '../../src/adapters/storage/chunks-repo.js';
import { Retriever } from '../../src/services/knowledge/retriever.js';
import { createUser, csrfFor, signedInAdmin, signIn, startTestApp, type TestApp } from '../support/app.js';
import { workerDatabaseUrl } from '../support/db.js';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const admin = () => signedInAdmin(t);

describe('Q&A snippets', () => {
  it('are added in the admin UI, indexed at once, and found by "Try a question"', async () => {
    t = await startTestApp();
    const { agent, token } = await admin();
    const added = await agent.post('/knowledge/snippets').type('form').send({ question: 'How do I cancel my subscription?', answer: 'Go to Settings → Plan and press Cancel. Your data is kept for 30 days.', _csrf: token });
    expect(added.status).toBe(303);
    await agent.post('/knowledge/snippets').type('form').send({ question: 'Do you offer refunds?', answer: 'Yes, within 30 days of a charge.', _csrf: token });

    const page = await agent.get('/knowledge');
    expect(page.text).toContain('Added “Do you offer refunds?”. Baton can answer it now.');
    expect(page.text).toMatch(/How do I cancel my subscription\?<\/strong>[\s\S]*?<td>1<\/td>/);

    const tried = await agent.get('/knowledge/try').query({ q: 'hi, how can I cancel my plan??' }).set('HX-Request', 'true');
    expect(tried.status).toBe(200);
    expect(tried.text).toMatch(/^<div id="try-results"/);
    expect(tried.text).toContain('Searched for <strong>cancel plan</strong> (en) with Postgres full-text search');
    const first = tried.text.indexOf('How do I cancel my subscription?');
    expect(first).toBeGreaterThan(-1);
    const refunds = tried.text.indexOf('Do you offer refunds?');
    expect(refunds === -1 || refunds > first).toBe(true);

    // Without htmx the same URL renders the whole page with the results in place.
    const full = await agent.get('/knowledge/try').query({ q: 'refunds' });
    expect(full.text).toContain('<h1>Knowledge</h1>');
    expect(full.text).toContain('Yes, within 30 days of a charge.');
  });

  it('explains what is wrong with an empty or oversized snippet and keeps the text', async () => {
    t = await startTestApp();
    const { agent, token } = await admin();
    const res = await agent.post('/knowledge/snippets').type('form').send({ question: 'Where is my invoice?', answer: '   ', _csrf: token });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Write the answer.');
    expect(res.text).toContain('value="Where is my invoice?"');
    const long = await agent.post('/knowledge/snippets').type('form').send({ question: 'q'.repeat(301), answer: 'a', _csrf: token });
    expect(long.status).toBe(422);
    expect(long.text).toContain('Keep the question under 300 characters.');
    expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 0 });
  });

  it('re-indexes an edited snippet and forgets a deleted one', async () => {
    t = await startTestApp();
    const { user, agent, token } = await admin();
    const { knowledge } = t.container.services;
    const source = await knowledge.createSnippet(user, { question: 'What are your opening hours?', answer: 'Weekdays from 9 to 17.' });
    const edited = await agent.post(`/knowledge/snippets/${source.id}`).type('form').send({ question: 'When is support open?', answer: 'Monday to Friday, 8 to 16 CET.', _csrf: token });
    expect(edited.status).toBe(303);
    expect((await knowledge.search('weekdays')).hits).toEqual([]);
    expect((await knowledge.search('when is support open monday')).hits[0]?.chunk.title).toBe('When is support open?');

    const deleted = await agent.post(`/knowledge/sources/${source.id}/delete`).type('form').send({ _csrf: token });
    expect(deleted.status).toBe(303);
    expect((await knowledge.search('support open monday')).hits).toEqual([]);
    expect(await t.container.db('chunks').count('* as n').first()).toEqual({ n: 0 });
    expect((await agent.get(`/knowledge/snippets/${source.id}`)).status).toBe(404);
  });

  it('escapes snippet text wherever it is shown', async () => {
    t = await startTestApp();
    const { user, agent } = await admin();
    await t.container.services.knowledge.createSnippet(user, { question: 'Is <b>bold</b> allowed?', answer: '<script>alert(1)</script> no' });
    const res = await agent.get('/knowledge/try').query({ q: 'bold allowed' });
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; no');
    expect(res.text).not.toContain('<b>bold</b>');
  });

  it('keeps agents out', async () => {
    t = await startTestApp();
    await createUser(t, { email: 'ada@example.com', role: 'admin' });
    await createUser(t, { email: 'bo@example.com', role: 'agent' });
    const agent = t.agent();
    await signIn(agent, 'bo@example.com');
    expect((await agent.get('/knowledge')).status).toBe(403);
    const token = await csrfFor(agent, '/account');
    expect((await agent.post('/knowledge/snippets').type('form').send({ question: 'q?', answer: 'a', _csrf: token })).status).toBe(403);
  });
});

describe('search when Meilisearch is down', () => {
  it('answers from Postgres and logs that it did', async () => {
    t = await startTestApp();
    const user = await createUser(t, { email: 'ada@example.com', role: 'admin' });
    const db = t.container.db;
    const postgres = new PostgresSearchIndex(db, { name: 'database', check: async () => ({ ok: true }) });
    const fallbacks: unknown[] = [];
    // A real Meilisearch client, pointed at a port where nothing listens.
    const retriever = new Retriever({
      chunks: new ChunksRepo(db),
      index: new MeilisearchIndex({ url: 'http://127.0.0.1:1', apiKey: 'x' }),
      fallback: postgres,
      onFallback: (e) => fallbacks.push(e),
    });
    // Writing needs the index, so the snippet goes in through the Postgres-only service.
    await t.container.services.knowledge.createSnippet(user, { question: 'Can I pay by invoice?', answer: 'Yes, on yearly plans.' });
    const result = await retriever.search('pay by invoice');
    expect(result).toMatchObject({ backend: 'postgres', fellBack: true });
    expect(result.hits[0]?.chunk.title).toBe('Can I pay by invoice?');
    expect(fallbacks).toHaveLength(1);
    expect(String(fallbacks[0])).toMatch(/fetch failed|ECONNREFUSED|request/i);
  });
});

describe('baton search', () => {
  it('prints the top passages as JSON', async () => {
    t = await startTestApp();
    const user = await createUser(t, { email: 'ada@example.com', role: 'admin' });
    await t.container.services.knowledge.createSnippet(user, { question: 'How do I export my data?', answer: 'Settings → Export gives you a ZIP of everything.' });
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'search', 'how can I export all my data?', '--json'], {
      env: { ...process.env, DATABASE_URL: await workerDatabaseUrl(), BASE_URL: 'http://baton.test', NODE_ENV: 'test' },
    });
    const out = JSON.parse(stdout) as { backend: string; terms: string[]; passages: { title: string; url: string; score: number; text: string; headingPath: string[]; page: number | null }[] };
    expect(out.backend).toBe('postgres');
    expect(out.terms).toEqual(['export', 'data']);
    expect(out.passages[0]).toMatchObject({ title: 'How do I export my data?', url: '', headingPath: [], page: null, text: 'Settings → Export gives you a ZIP of everything.' });
    expect(out.passages[0]!.score).toBeGreaterThan(0);
  });
});

describe('adding a website (issue 18, item 18)', () => {
  it('takes an address typed without https:// and shows the page limit and depth it will use', async () => {
    t = await startTestApp();
    const { source } = await t.container.services.knowledge.createWebsite('system', { startUrl: 'help.example.com/start', saveAnyway: true });
    expect(source.settings.startUrl).toBe('https://help.example.com/start');
    await expect(t.container.services.knowledge.createWebsite('system', { startUrl: 'ftp://help.example.com' })).rejects.toThrow('Please correct the highlighted fields.');
    const { agent } = await signedInAdmin(t, '/knowledge');
    const page = (await agent.get('/knowledge').expect(200)).text;
    expect(page).toMatch(/name="maxPages" type="number" value="\d+"/);
    expect(page).toMatch(/name="maxDepth" type="number" value="10"/);
    // No browser bubble for a typed host name: the field is text.
    expect(page).toMatch(/name="startUrl" type="text"/);
  });
});

describe('adding a source reads it first (issue 18, item 16)', () => {
  it('refuses a start page that cannot be read, in words, creating nothing, and offers "Save anyway"', async () => {
    const site = http.createServer((req, res) => {
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<main><h1>Help</h1><p>Answers.</p></main>');
      if (req.url === '/data.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.2', r));
    const base = `http://127.0.0.2:${(site.address() as AddressInfo).port}`;
    // A port that was free a moment ago: nothing answers there.
    const gone = http.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.2', r));
    const closed = `http://127.0.0.2:${(gone.address() as AddressInfo).port}`;
    await new Promise((r) => gone.close(r));
    try {
      t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2' } });
      const { agent, token } = await admin();
      const post = (form: Record<string, string>) => agent.post('/knowledge/websites').set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send(form);

      const refused = await post({ startUrl: `${closed}/` });
      expect(refused.status).toBe(422);
      // Just the card, swapped in place: the error beside the field, focused, with "Save anyway".
      expect(refused.text.trim().startsWith('<section class="card" id="add-website">')).toBe(true);
      expect(refused.text).toMatch(/<p class="field-error" id="startUrl-error">We couldn&#39;t read 127\.0\.0\.2:\d+: the connection was refused/);
      expect(refused.text).not.toContain('connect ECONNREFUSED');
      expect(refused.text).toMatch(/id="startUrl"[^>]*autofocus/);
      expect(refused.text).toContain('name="saveAnyway"');
      expect((await post({ startUrl: `${base}/nowhere` })).text).toContain('there is no page at this address (HTTP 404)');
      const notPage = await post({ startUrl: `${base}/data.json` });
      expect(notPage.text).toContain('is not a web page (it is application/json)');
      expect(notPage.text).not.toContain('name="saveAnyway"');
      expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 0 });

      const anyway = await post({ startUrl: `${closed}/`, saveAnyway: '1' });
      expect(anyway.status).toBe(204);
      const works = await post({ startUrl: `${base}/` });
      expect(works.status).toBe(204);
      expect(works.headers['hx-redirect']).toMatch(/^\/knowledge\/sources\//);
      expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 2 });
    } finally {
      site.closeAllConnections();
      await new Promise((r) => site.close(r));
    }
  });
});
