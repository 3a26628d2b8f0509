/**
 * Retrieval quality probe: a small help center written for this project (bench/quality) served
 * on loopback, crawled and indexed like a real site, then asked visitor-style questions. Prints
 * how often the page that answers is first, and in the top 3. Our own data, so it guards
 * against regressions; it is no measure on a help center Baton has never seen.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { withBenchContainer } from './support.js';

type Site = { pages: Record<string, [string, [string, string][]]>; questions: [string, string][] };

export async function qualityBench(): Promise<[string, string][]> {
  const site = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'quality', 'help-center.json'), 'utf8')) as Site;
  const nav = Object.entries(site.pages).map(([p, [title]]) => `<a href="${p}">${title}</a>`).join(' ');
  const server = http.createServer((req, res) => {
    const page = site.pages[req.url ?? ''];
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html lang="en"><body><nav>${nav}</nav><main><h1>Acme help center</h1><p>Answers to every question about Acme, organised by topic.</p>${nav}</main></body></html>`);
    if (!page) return void res.writeHead(404).end();
    const [title, sections] = page;
    const body = sections.map(([h, p], i) => `<h2 id="s${i}">${h}</h2><p>${p}</p>`).join('');
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<html lang="en"><head><title>${title} | Acme Help</title></head><body><header><nav>${nav}</nav></header><main><article><h1>${title}</h1>${body}</article></main><footer>© Acme · Contact · Status</footer></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await withBenchContainer('quality', { CRAWL_ALLOW_PRIVATE: '127.0.0.1/32' }, async (container) => {
    const { knowledge } = container.services;
      await knowledge.createWebsite('system', { startUrl: `${base}/` });
      const run = await knowledge.runNextSync();
      let first = 0;
      let top3 = 0;
      const misses: string[] = [];
      for (const [question, expected] of site.questions) {
        const urls = (await knowledge.search(question, { limit: 3 })).hits.map((h) => h.chunk.url.replace(base, '').replace(/#.*$/, ''));
        if (urls[0] === expected) first++;
        if (urls.includes(expected)) top3++;
        else misses.push(`${question} → ${urls.join(', ') || 'nothing'} (wanted ${expected})`);
      }
      const n = site.questions.length;
      return [
        ['retrieval quality, own help center (Postgres)', `${run!.indexed} pages; answer first for ${first}/${n}, in top 3 for ${top3}/${n} (${Math.round((100 * top3) / n)}%)`],
        ...misses.map((m): [string, string] => ['  missed', m]),
      ];
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await qualityBench()) console.log(`${k}  ${v}`);
}
