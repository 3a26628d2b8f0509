/**
 * Whether the server keeps answering while it ingests: /healthz is asked every 20 ms while Baton
 * crawls a 500-page site, reads a .docx built to exhaust memory (refused from its directory, and
 * one that passes the directory check and hits the worker's memory limit), and reads a gzipped
 * sitemap that inflates to its 50 MB limit. The idle figure is measured in the same run, so
 * the comparison holds on a shared machine where absolute times do not.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { docxBomb } from '../test/support/bombs.js';
import { paragraphs } from './retrieval.js';
import { serve, summary, withBenchContainer } from './support.js';

const PAGES = 500;

/** /healthz latencies (ms) while `work` runs, and what `work` returned. */
async function healthDuring<T>(base: string, work: () => Promise<T>): Promise<{ times: number[]; result: T }> {
  const times: number[] = [];
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const started = performance.now();
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    return { times, result: await work() };
  } finally {
    polling = false;
    await poll;
  }
}

export async function ingestionBench(): Promise<[string, string][]> {
  const prose = paragraphs();
  let sitemapBomb = false;
  const page = (i: number) => {
    const body = [0, 1, 2, 3].map((k) => `<h2>${prose[(i * 4 + k) % prose.length]!.heading}</h2><p>${prose[(i * 4 + k) % prose.length]!.text}</p>`).join('');
    const links = Array.from({ length: 10 }, (_, k) => `<a href="/p/${(i * 7 + k * 13) % PAGES}">Related ${k}</a>`).join(' ');
    return `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body><nav>${links}</nav><main><h1>${prose[i % prose.length]!.title} ${i}</h1>${body}</main></body></html>`;
  };
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // 50 MB of one URL, gzipped to a few hundred KB: what the sitemap reader may inflate at most.
  let bombBody: Buffer | undefined;
  const server = http.createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/sitemap.xml') {
      if (sitemapBomb) {
        bombBody ??= gzipSync(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${`<url><loc>${origin()}/p/1</loc></url>`.repeat(Math.floor((49 * 1024 * 1024) / (origin().length + 24)))}</urlset>`, { level: 9 });
        return void res.writeHead(200, { 'content-type': 'application/x-gzip' }).end(bombBody);
      }
      const urls = Array.from({ length: PAGES }, (_, i) => `<url><loc>${origin()}/p/${i}</loc></url>`).join('');
      return void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const m = /^\/p\/(\d+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1])));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  try {
    return await withBenchContainer('ingestion', { CRAWL_ALLOW_PRIVATE: '127.0.0.1/32', CRAWL_MAX_PAGES: String(PAGES), PARSE_MAX_MEMORY_MB: '128', UPLOAD_MAX_MB: '20' }, async (container) => {
      const { url, server: app } = await serve(container);
      const { knowledge } = container.services;
      const rows: [string, string][] = [];
      const row = (label: string, times: number[], outcome: string) => rows.push([`/healthz during ${label}, n=${times.length}`, `${summary(times)} (${outcome})`]);
      try {
        const idle = await healthDuring(url, () => new Promise((r) => setTimeout(r, 3000)));
        row('nothing (idle, same run)', idle.times, 'baseline');

        await knowledge.createWebsite('system', { startUrl: `${origin()}/p/0`, maxPages: PAGES });
        const crawl = await healthDuring(url, () => knowledge.runNextSync());
        row(`a ${PAGES}-page crawl`, crawl.times, `${crawl.result?.status}, ${crawl.result?.indexed} pages`);

        // Uploads are read before they are stored: the bombs are refused by createFile itself.
        const upload = (filename: string, data: Buffer) => knowledge.createFile('system', { filename, data }).then(() => 'stored', () => 'refused');
        const refused = await healthDuring(url, () => upload('bomb.docx', docxBomb(400)));
        row('a 400 MB .docx bomb (refused from its zip directory)', refused.times, String(refused.result));

        const worker = await healthDuring(url, () => upload('noisy.docx', docxBomb(180, { noisy: true })));
        row('a 180 MB .docx within the zip limits (worker memory limit)', worker.times, String(worker.result));

        sitemapBomb = true;
        await knowledge.createWebsite('system', { startUrl: `${origin()}/p/1`, maxPages: 5 });
        const sitemap = await healthDuring(url, () => knowledge.runNextSync());
        row(`a gzipped sitemap inflating to 49 MB (${Math.round((bombBody?.length ?? 0) / 1024)} KB sent)`, sitemap.times, String(sitemap.result?.status));
      } finally {
        app.close();
      }
      return rows;
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
