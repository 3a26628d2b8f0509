import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  await t?.close();
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  t = undefined;
  server = undefined;
});

/** One NUL byte in one crawled page failed the whole sync, and showed the admin raw SQL. */
describe('control characters in crawled pages', () => {
  it('are dropped at extraction: the page is indexed without them and the rest of the site too', async () => {
    server = http.createServer((req, res) => {
      const pages: Record<string, string> = {
        '/': '<html lang="en"><head><title>Acme help</title></head><body><main><h1>Acme help</h1><p>Everything about your Acme account lives here, for every customer.</p><a href="/odd">Odd</a></main></body></html>',
        '/odd': '<html lang="en"><head><title>Odd\u0000 page\u0007</title></head><body><main><h1>Exporting\u0000 data</h1><p>Open Settings\u0000, then Export\u001b, and download the ZIP archive.</p></main></body></html>',
      };
      const page = pages[req.url ?? ''];
      if (!page) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.2', r));
    t = await startTestApp({ env: { CRAWL_ALLOW_PRIVATE: '127.0.0.2/32', CRAWL_DELAY_MS: '0' } });
    const { knowledge } = t.container.services;
    await knowledge.createWebsite('system', { startUrl: `http://127.0.0.2:${(server.address() as AddressInfo).port}/` });
    const run = await knowledge.runNextSync();
    expect(run).toMatchObject({ status: 'succeeded', indexed: 2, failed: 0 });
    const found = await knowledge.search('export zip archive');
    expect(found.hits[0]?.chunk.text).toBe('Open Settings, then Export, and download the ZIP archive.');
    expect(found.hits[0]?.chunk.title).toBe('Exporting data');
  });
});
