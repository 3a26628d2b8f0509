import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, startTestApp, type TestApp } from '../support/app.js';
import { workerDatabaseUrl } from '../support/db.js';

/** A small help center on 127.0.0.2; `down` makes every page fail with 500. */
let server: http.Server;
let base: string;
let down = false;
const hits: string[] = [];
const article = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><main><h1>${title}</h1><p>${text}</p><a href="/export">Export</a> <a href="/refunds">Refunds</a></main></body></html>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(`${req.url} ${req.headers['if-none-match'] ?? ''}`.trim());
    if (down) return void res.writeHead(500).end('down');
    const etag = `"${req.url}-v1"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    const pages: Record<string, string> = {
      '/': article('Acme help', 'Welcome to the Acme help center, where every answer about your account lives.'),
      '/export': article('Exporting your data', 'Open Settings, then Export, and download a ZIP archive with all your projects and invoices.'),
      '/refunds': article('Refunds', 'Refunds are possible within thirty days; write to billing with the invoice number.'),
    };
    const page = pages[req.url ?? ''];
    if (!page) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>no</p>');
    res.writeHead(200, { 'content-type': 'text/html', etag }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
  base = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let t: TestApp;
afterEach(async () => {
  down = false;
  await t?.close();
});
const env = { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0' };

async function adminWithSite() {
  t = await startTestApp({ env });
  return signedInAdmin(t);
}

describe('website sources', () => {
  it('are added in the admin UI, synced in the background with live progress, and searchable', async () => {
    const { agent, token } = await adminWithSite();
    const added = await agent.post('/knowledge/websites').type('form').send({ startUrl: `${base}/`, maxPages: '50', _csrf: token });
    expect(added.status).toBe(303);
    const sourcePath = added.headers.location as string;
    const queued = await agent.get(sourcePath);
    expect(queued.text).toContain('Waiting to start…');
    expect(queued.text).toContain('hx-trigger="every 1s"');

    const run = await t.container.services.knowledge.runNextSync();
    expect(run).toMatchObject({ status: 'succeeded', indexed: 3, failed: 0 });
    expect(run!.found).toBeGreaterThanOrEqual(3);

    const progress = await agent.get(`${sourcePath}/progress`).set('HX-Request', 'true');
    expect(progress.text).toContain('Synced.');
    expect(progress.text).not.toContain('hx-trigger');
    expect(progress.text).toMatch(/Indexed \(new or changed\)<\/a><\/th><td>3<\/td>/);

    const result = await t.container.services.knowledge.search('How can I export my data?');
    expect(result.hits[0]?.chunk).toMatchObject({ url: `${base}/export`, title: 'Exporting your data' });
  });

  it('explains a bad address', async () => {
    const { agent, token } = await adminWithSite();
    const res = await agent.post('/knowledge/websites').type('form').send({ startUrl: 'ftp://files.example', _csrf: token });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Enter a full http:// or https:// address.');
    expect(res.text).toContain('value="ftp://files.example"');
    const pages = await agent.post('/knowledge/websites').type('form').send({ startUrl: `${base}/`, maxPages: 'lots', _csrf: token });
    expect(pages.status).toBe(422);
    expect(pages.text).toContain('Page limit must be a whole number.');
    expect(await t.container.db('sources').count('* as n').first()).toEqual({ n: 0 });
  });

  it('re-syncs with conditional requests and keeps unchanged pages', async () => {
    const { user } = await adminWithSite();
    const { knowledge } = t.container.services;
    const { source } = await knowledge.createWebsite(user, { startUrl: `${base}/` });
    await knowledge.runNextSync();
    hits.length = 0;
    await knowledge.requestSync(user, source.id);
    const again = await knowledge.runNextSync();
    expect(again).toMatchObject({ status: 'succeeded', indexed: 0, unchanged: 3 });
    expect(hits.filter((h) => h.startsWith('/export'))).toEqual([`/export "/export-v1"`]);
    expect((await knowledge.search('refunds invoice number')).hits[0]?.chunk.url).toBe(`${base}/refunds`);
  });

  it('keeps what it knew when the site is down, and says why the sync failed', async () => {
    const { user } = await adminWithSite();
    const { knowledge } = t.container.services;
    const { source } = await knowledge.createWebsite(user, { startUrl: `${base}/` });
    await knowledge.runNextSync();
    down = true;
    await knowledge.requestSync(user, source.id);
    const failed = await knowledge.runNextSync();
    expect(failed).toMatchObject({ status: 'failed', error: 'Could not read the start page: the server answered HTTP 500' });
    expect(await knowledge.getSource(source.id)).toMatchObject({ status: 'failed', lastError: failed!.error, chunkCount: 3 });
    expect((await knowledge.search('export ZIP archive')).hits[0]?.chunk.url).toBe(`${base}/export`);
  });

  it('finishes work a crashed process left behind, and puts interrupted work back in the queue', async () => {
    const { user } = await adminWithSite();
    const { knowledge } = t.container.services;
    const { run } = await knowledge.createWebsite(user, { startUrl: `${base}/` });
    // A process claimed it and died three minutes ago.
    await t.container.db('sync_runs').where({ id: run.id }).update({ status: 'running', heartbeat_at: new Date(Date.now() - 3 * 60_000) });
    const resumed = await knowledge.runNextSync();
    expect(resumed).toMatchObject({ id: run.id, status: 'succeeded', indexed: 3 });

    const next = await knowledge.requestSync(user, run.sourceId);
    const stop = new AbortController();
    stop.abort();
    await knowledge.runNextSync(stop.signal);
    expect(await knowledge.getRun(next.id)).toMatchObject({ status: 'queued' });
  });

  it('counts a page read again with the same content as unchanged, and starts from a sitemap alone', async () => {
    t = await startTestApp({ env });
    const { knowledge } = t.container.services;
    const { source } = await knowledge.createWebsite('system', { startUrl: '', sitemapUrl: `${base}/sitemap.xml` });
    expect(source.settings.startUrl).toBe(`${base}/`);
    await knowledge.runNextSync();
    // The fixture sends ETags; forget them so the pages come back whole.
    await t.container.db('documents').update({ etag: null });
    await knowledge.requestSync('system', source.id);
    expect(await knowledge.runNextSync()).toMatchObject({ status: 'succeeded', indexed: 0, unchanged: 3 });
  });

  it('queues one sync per source at a time', async () => {
    const { user } = await adminWithSite();
    const { knowledge } = t.container.services;
    const { source, run } = await knowledge.createWebsite(user, { startUrl: `${base}/` });
    const again = await knowledge.requestSync(user, source.id);
    expect(again.id).toBe(run.id);
  });

  it('deleting a website removes its passages and documents', async () => {
    const { user, agent, token } = await adminWithSite();
    const { knowledge } = t.container.services;
    const { source } = await knowledge.createWebsite(user, { startUrl: `${base}/` });
    await knowledge.runNextSync();
    const res = await agent.post(`/knowledge/sources/${source.id}/delete`).type('form').send({ _csrf: token });
    expect(res.status).toBe(303);
    expect((await knowledge.search('export ZIP archive')).hits).toEqual([]);
    expect(await t.container.db('documents').count('* as n').first()).toEqual({ n: 0 });
  });
});

describe('scheduled re-syncs', () => {
  it('queue each website when its own interval has passed: daily by default, weekly, or never', async () => {
    let now = new Date('2026-11-24T03:00:00Z');
    t = await startTestApp({ env, overrides: { clock: { now: () => new Date(now) } } });
    const { knowledge } = t.container.services;
    const daily = (await knowledge.createWebsite('system', { startUrl: `${base}/` })).source;
    const weekly = (await knowledge.createWebsite('system', { startUrl: `${base}/export`, resync: 'weekly' })).source;
    const never = (await knowledge.createWebsite('system', { startUrl: `${base}/refunds`, resync: 'never' })).source;
    while (await knowledge.runNextSync()) {
      // run all three first syncs
    }
    expect(await knowledge.requestScheduledSyncs()).toBe(0);
    now = new Date('2026-11-25T02:55:00Z');
    expect(await knowledge.requestScheduledSyncs()).toBe(1);
    expect((await knowledge.latestRun(daily.id))?.status).toBe('queued');
    expect(await knowledge.requestScheduledSyncs()).toBe(0);
    now = new Date('2026-12-01T03:00:00Z');
    expect(await knowledge.requestScheduledSyncs()).toBe(1);
    expect((await knowledge.latestRun(weekly.id))?.trigger).toBe('schedule');
    expect((await knowledge.latestRun(never.id))?.trigger).toBe('created');
  });
});

describe('baton sources', () => {
  const baton = async (args: string[], extra: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        env: { ...process.env, DATABASE_URL: await workerDatabaseUrl(), BASE_URL: 'http://baton.test', NODE_ENV: 'test', ...env, ...extra },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('adds a website, syncs it with --wait, lists it and searches it', async () => {
    t = await startTestApp({ env });
    const added = await baton(['sources', 'add-website', `${base}/`, '--max-pages', '20']);
    expect(added.code).toBe(0);
    const id = /as ([0-9a-f-]{36});/.exec(added.stdout)?.[1];
    expect(id).toBeDefined();
    const synced = await baton(['sources', 'sync', id!, '--wait']);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain('Finished: 3 pages indexed, 0 unchanged, 0 could not be read.');
    const list = await baton(['sources', 'list']);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+website\\s+idle\\s+3 passages`));
    const search = await baton(['search', 'refund within thirty days', '--json']);
    expect(JSON.parse(search.stdout).passages[0].url).toBe(`${base}/refunds`);
  });

  it('exits non-zero when the sync fails', async () => {
    t = await startTestApp({ env });
    down = true;
    // Refused while the site is down, in words, unless told to add it anyway.
    const refused = await baton(['sources', 'add-website', `${base}/`]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('the server had a problem (HTTP 500)');
    const added = await baton(['sources', 'add-website', `${base}/`, '--anyway']);
    const id = /as ([0-9a-f-]{36});/.exec(added.stdout)?.[1];
    const synced = await baton(['sources', 'sync', id!, '--wait']);
    expect(synced.code).toBe(1);
    expect(synced.stdout).toContain('Failed: 0 pages indexed');
    expect(synced.stdout).toContain('Could not read the start page: the server answered HTTP 500');
  });
});
