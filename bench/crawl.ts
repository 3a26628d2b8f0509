/**
 * Crawl throughput: a 500-page site served on loopback (pages of real documentation prose, each
 * linking to ten others, plus a sitemap), synced end to end as Baton does it: fetch, extract,
 * chunk, store in Postgres, index. The politeness delay is set to 0 to measure Baton itself;
 * with the default CRAWL_DELAY_MS=250 a crawl is held to at most 4 pages a second per site.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { paragraphs } from './retrieval.js';
import { withBenchContainer } from './support.js';

const PAGES = 500;

export async function crawlBench(): Promise<[string, string][]> {
  const prose = paragraphs();
  const page = (i: number) => {
    const body = [0, 1, 2, 3].map((k) => `<h2 id="s${k}">${prose[(i * 4 + k) % prose.length]!.heading}</h2><p>${prose[(i * 4 + k) % prose.length]!.text}</p>`).join('');
    const links = Array.from({ length: 10 }, (_, k) => `<a href="/p/${(i * 7 + k * 13) % PAGES}">Related ${k}</a>`).join(' ');
    return `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body><nav>${links}</nav><main><h1>${prose[i % prose.length]!.title} ${i}</h1>${body}</main><footer>© Bench</footer></body></html>`;
  };
  const server = http.createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/sitemap.xml') {
      const urls = Array.from({ length: PAGES }, (_, i) => `<url><loc>http://127.0.0.1:${(server.address() as AddressInfo).port}/p/${i}</loc></url>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const m = /^\/p\/(\d+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1])));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  try {
    return await withBenchContainer('crawl', { CRAWL_ALLOW_PRIVATE: '127.0.0.1/32', CRAWL_MAX_PAGES: String(PAGES) }, async (container) => {
      const { knowledge } = container.services;
      await knowledge.createWebsite('system', { startUrl: `http://127.0.0.1:${port}/p/0`, maxPages: PAGES });
      const t0 = performance.now();
      const run = await knowledge.runNextSync();
      const seconds = (performance.now() - t0) / 1000;
      const passages = await container.chunks.count();
      return [
        [`crawl a ${PAGES}-page local site (fetch, extract, chunk, store, index)`, `${(run!.indexed / seconds).toFixed(1)} pages/s (${run!.indexed} pages, ${passages} passages, ${seconds.toFixed(1)} s, concurrency ${container.config.crawl.concurrency}, no politeness delay)`],
      ] as [string, string][];
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
