import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInAdmin, startTestApp, type TestApp } from '../support/app.js';

/**
 * Issue 18, item 17: the sync counters did not add up (260 found, 130 indexed, 56 failed, 73
 * unexplained). Every found URL now lands in one named bucket, and a website lists its pages
 * with their status, "exclude this page" and "re-read this page".
 */
let server: http.Server;
let base: string;
let shippingText = 'Parcels ship within two working days from our warehouse in Lyon.';
let refundsText = 'Refunds are possible within thirty days; write to billing with the invoice number.';
const page = (title: string, body: string, head = '') => `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const html = (body: string) => void res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    switch (req.url) {
      case '/robots.txt':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n');
      case '/':
        return html(
          page(
            'Help',
            '<p>Welcome to the help center, where every answer about your account lives.</p>' +
              ['/export', '/refunds', '/copy', '/private', '/hidden', '/logo.png', '/blank', '/gone', '/drafts/one', '/more'].map((l) => `<a href="${l}">${l}</a>`).join(' '),
          ),
        );
      case '/export':
        return html(page('Exporting your data', '<p>Open Settings, then Export, and download a ZIP archive of all your projects.</p>'));
      case '/refunds':
        return html(page('Refunds', `<p>${refundsText}</p>`));
      case '/copy':
        return html(page('Exporting your data', '<p>Open Settings, then Export, and download a ZIP archive of all your projects.</p>'));
      case '/hidden':
        return html(page('Hidden', '<p>Not for search engines or assistants, says this page.</p>', '<meta name="robots" content="noindex">'));
      case '/logo.png':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/blank':
        return html('<!doctype html><html><body><main></main></body></html>');
      case '/more':
        return html(page('More', '<p>More pages, further away from the start page.</p><a href="/far">far</a>'));
      case '/far':
        return html(page('Far', '<p>A page the limit keeps from being read.</p>'));
      // A second little site under /two/: a page known by its canonical address, and a redirect.
      case '/two/':
        return html(page('Two', '<p>Start of the second section.</p><a href="/two/x">x</a> <a href="/two/a">a</a> <a href="/two/c">c</a>'));
      case '/two/x':
      case '/two/c':
        return html(page('Shipping', `<p>${shippingText}</p>`, `<link rel="canonical" href="${base}/two/c">`));
      case '/two/a':
        return void res.writeHead(302, { location: '/two/b' }).end();
      case '/two/b':
        return html(page('Billing', '<p>Invoices are sent on the first day of every month by email.</p>'));
      default:
        return void res.writeHead(404, { 'content-type': 'text/html' }).end('<p>no</p>');
    }
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
  await t?.close();
});

describe("a website's pages", () => {
  it('are counted in named buckets that add up to what was found, and listed with their status', async () => {
    t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0', CRAWL_CONCURRENCY: '1' } });
    const { agent, token } = await signedInAdmin(t);
    const { source } = await t.container.services.knowledge.createWebsite('system', { startUrl: `${base}/`, maxPages: 9, exclude: ['/drafts/*'] });
    const run = (await t.container.services.knowledge.runNextSync())!;
    // 12 found: the start page, its ten links and /far (via /more), which the limit of 9 reads leaves unread.
    expect(run.found).toBe(12);
    expect(run).toMatchObject({ indexed: 4, unchanged: 0, failed: 1, skipped: { duplicate: 1, robots: 2, outside: 1, not_page: 1, empty: 1 }, notReached: 1 });
    const skipped = Object.values(run.skipped).reduce((a, b) => a + (b ?? 0), 0);
    expect(run.indexed + run.unchanged + run.failed + skipped + run.notReached).toBe(run.found);

    const progress = (await agent.get(`/knowledge/sources/${source.id}/progress`).set('HX-Request', 'true')).text;
    expect(progress).toMatch(/Found on the site<\/th><td><strong>12<\/strong>/);
    expect(progress).toMatch(/Duplicates \(same content or already read\)<\/a><\/th><td>1<\/td>/);
    expect(progress).toMatch(/Not read: the page limit \(9\) was reached<\/th><td>1<\/td>/);

    const list = (await agent.get(`/knowledge/sources/${source.id}/pages?filter=not_indexed`).expect(200)).text;
    expect(list).toContain('robots.txt disallows it');
    expect(list).toContain('the page asks not to be indexed (robots meta)');
    expect(list).toContain(`same content as ${base}/export`);
    expect(list).toContain('the server answered HTTP 404');
    expect(list).not.toContain(`>${base}/refunds<`);
    const search = (await agent.get(`/knowledge/sources/${source.id}/pages?q=REFUND`).expect(200)).text;
    expect(search).toContain(`>${base}/refunds<`);
    expect(search).toContain('1 page<');

    // Exclude: the passages leave search at once and the pattern is kept for later syncs.
    const before = await t.container.services.knowledge.search('refund within thirty days invoice');
    expect(before.hits[0]?.chunk.url).toBe(`${base}/refunds`);
    const excluded = await agent.post(`/knowledge/sources/${source.id}/pages/exclude`).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ url: `${base}/refunds` });
    expect(excluded.status).toBe(200);
    expect(excluded.text).toContain('excluded by you');
    expect((await t.container.services.knowledge.search('refund within thirty days invoice')).hits.map((h) => h.chunk.url)).not.toContain(`${base}/refunds`);
    expect((await t.container.services.knowledge.getSource(source.id)).settings.exclude).toEqual(['/drafts/*', '/refunds']);
    const audit = await t.container.db('audit_events').where({ action: 'knowledge.page_excluded' }).first();
    expect(audit).toMatchObject({ target: '127.0.0.2:' + new URL(base).port });

    // Re-read: the page's new text is searchable now; an address the sync never found is refused.
    refundsText = 'Refunds now take fourteen days to arrive on your card statement.';
    await t.container.services.knowledge.requestSync('system', source.id);
    await t.container.services.knowledge.runNextSync();
    const reread = await agent.post(`/knowledge/sources/${source.id}/pages/reread`).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ url: `${base}/export` });
    expect(reread.status).toBe(200);
    expect(reread.text).toContain('Indexed');
    const stranger = await agent.post(`/knowledge/sources/${source.id}/pages/reread`).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ url: 'http://127.0.0.2:1/elsewhere' });
    expect(stranger.status).toBe(404);
    // The start page stays: it cannot be excluded.
    const start = await agent.post(`/knowledge/sources/${source.id}/pages/exclude`).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ url: `${base}/` });
    expect(start.status).toBe(422);
    expect(start.text).toContain('The start page cannot be excluded');
  });

  it('re-reads one page now, and says in words when it cannot', async () => {
    t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0' } });
    const { agent, token } = await signedInAdmin(t);
    const { source } = await t.container.services.knowledge.createWebsite('system', { startUrl: `${base}/`, maxPages: 20 });
    refundsText = 'Refunds are possible within thirty days; write to billing with the invoice number.';
    await t.container.services.knowledge.runNextSync();
    refundsText = 'Refunds now arrive within five working days, by bank transfer only.';
    const post = (url: string) => agent.post(`/knowledge/sources/${source.id}/pages/reread`).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ url });
    expect((await post(`${base}/refunds`)).status).toBe(200);
    expect((await t.container.services.knowledge.search('refunds bank transfer working days')).hits[0]?.chunk.text).toContain('five working days');
    // The other pages' passages are still there.
    expect((await t.container.services.knowledge.search('export ZIP archive projects')).hits[0]?.chunk.url).toBe(`${base}/export`);
    const gone = await post(`${base}/gone`);
    expect(gone.status).toBe(422);
    expect(gone.text).toContain(`We couldn&#39;t read ${base}/gone: the server answered HTTP 404.`);
  });

  it('lists the address a page was reached by, and an exclusion holds through redirects and canonical addresses', async () => {
    t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0', CRAWL_CONCURRENCY: '1' } });
    const { agent, token } = await signedInAdmin(t);
    const knowledge = t.container.services.knowledge;
    const { source } = await knowledge.createWebsite('system', { startUrl: `${base}/two/`, include: ['/two/*'] });
    await knowledge.runNextSync();
    const status = async (path: string) => (await t.container.db('source_pages').where({ source_id: source.id, url: `${base}${path}` }).first()) as { status: string; reason: string | null } | undefined;
    expect(await status('/two/c')).toMatchObject({ status: 'indexed' });
    expect(await status('/two/x')).toMatchObject({ status: 'skipped', reason: `read as ${base}/two/c` });
    expect(await status('/two/b')).toMatchObject({ status: 'indexed' });
    expect(await status('/two/a')).toMatchObject({ status: 'skipped', reason: `read as ${base}/two/b` });

    const post = (what: string, path: string) => agent.post(`/knowledge/sources/${source.id}/pages/${what}`).set('HX-Request', 'true').set('X-CSRF-Token', token).type('form').send({ url: `${base}${path}` });
    expect((await post('exclude', '/two/c')).status).toBe(200);
    expect((await post('exclude', '/two/b')).status).toBe(200);
    // The next sync reaches them again through /two/x and /two/a, and keeps them out.
    await knowledge.requestSync('system', source.id);
    await knowledge.runNextSync();
    const urls = (await knowledge.search('parcels ship warehouse Lyon invoices first day month')).hits.map((h) => h.chunk.url.replace(/#.*$/, ''));
    expect(urls).not.toContain(`${base}/two/c`);
    expect(urls).not.toContain(`${base}/two/b`);
    expect(await status('/two/x')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('outside the include/exclude patterns') });
    expect(await status('/two/a')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('outside the include/exclude patterns') });

    // Re-read keeps the same rules: an excluded page is not read back in, nor one known by another address.
    const excluded = await post('reread', '/two/c');
    expect(excluded.status).toBe(422);
    expect(excluded.text).toContain('not indexed on purpose');
    shippingText = 'Parcels now ship the same day.';
    const other = await post('reread', '/two/');
    expect(other.status).toBe(200);
    expect((await t.container.db('chunks').where({ source_id: source.id }).pluck('url')).map((u: string) => u.replace(/#.*$/, '')).sort()).toEqual([`${base}/two/`]);
  });
});
