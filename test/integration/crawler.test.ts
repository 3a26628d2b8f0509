import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher, type SafeFetcher } from '../../src/adapters/web/safe-fetch.js';
import { createWeb } from '../../src/adapters/web/web.js';
import { parsePrivateAccess } from '../../src/lib/address-policy.js';
import { crawl, normaliseUrl, type CrawlEvent, type CrawlSettings } from '../../src/services/knowledge/crawler.js';

/**
 * A small help center served on 127.0.0.2, with the traps a real one has. The crawler may reach
 * 127.0.0.2 only (the operator's opt-in for this one address), so a redirect to 127.0.0.1 is
 * refused like any other private address.
 */
let server: http.Server;
let base: string;
let port: number;
let requests: string[] = [];

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>${title} | Acme Help</title>${head}</head><body><nav><a href="/help/">Help home</a></nav><main><h1>${title}</h1>${body}</main><footer>© Acme</footer></body></html>`;
const para = (topic: string) => `<p>This article explains ${topic} in enough words to be a real page, with details, steps, and the reasons behind them, so that nobody needs to write to support about ${topic} again.</p>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    const html = (body: string, status = 200, headers: Record<string, string> = {}) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
    switch (url.pathname) {
      case '/robots.txt':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nDisallow: /private/\n\nSitemap: ${base}/sitemap.xml\n`);
      case '/sitemap.xml':
        return void res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/help/only-in-sitemap</loc></url><url><loc>${base}/help/billing</loc></url><url><loc>https://elsewhere.example/page</loc></url></urlset>`);
      case '/help/':
        if (req.headers['if-none-match'] === '"home-v1"') return void res.writeHead(304, { etag: '"home-v1"' }).end();
        return html(page('Help home', `${para('the help center')}<ul>
          <li><a href="/help/billing">Billing</a></li><li><a href="/help/billing?utm_source=nav#top">Billing again</a></li>
          <li><a href="/help/account">Account</a></li><li><a href="/private/secret">Secret</a></li>
          <li><a href="/calendar?month=1">Events</a></li><li><a href="/logo.png">Logo</a></li><li><a href="/manual.pdf">Manual</a></li>
          <li><a href="/old-billing">Old billing</a></li><li><a href="/escape">Escape</a></li><li><a href="/huge">Huge</a></li>
          <li><a href="/help/billing-copy">Copy</a></li><li><a href="/help/billing-print">Print</a></li><li><a href="/help/hidden">Hidden</a></li>
          <li><a href="https://elsewhere.example/">Elsewhere</a></li><li><a href="/help/missing">Missing</a></li></ul>`), 200, { etag: '"home-v1"' });
      case '/help/billing':
      case '/help/billing-copy':
        return html(page('Billing', para('invoices and payments')));
      case '/help/billing-print':
        return html(page('Billing (print)', para('printing bills'), `<link rel="canonical" href="${base}/help/billing">`));
      case '/help/account':
        return html(page('Account', `${para('your account')}<a href="/help/deep-1">Deeper</a>`));
      case '/help/only-in-sitemap':
        return html(page('Only in the sitemap', para('pages nobody links to')));
      case '/help/hidden':
        return html(page('Hidden', para('secret drafts'), '<meta name="robots" content="noindex">'));
      case '/private/secret':
        return html(page('Secret', para('things robots.txt forbids')));
      case '/calendar': {
        const month = Number(url.searchParams.get('month') ?? 1);
        return html(page(`Events in month ${month}`, `${para(`events of month ${month}`)}<a href="/calendar?month=${month + 1}">Next month</a>`));
      }
      case '/old-billing':
        return void res.writeHead(301, { location: '/help/billing' }).end();
      case '/escape':
        return void res.writeHead(302, { location: `http://127.0.0.1:${port}/help/billing` }).end();
      case '/huge':
        return html(page('Huge', para('a page too big') + `<p>${'lorem ipsum '.repeat(200_000)}</p>`));
      case '/logo.png':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(100));
      case '/manual.pdf':
        return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 fake');
      default:
        return html(page('Not found', '<p>Nothing here.</p>'), 404);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.2:${port}`;
});

let fetcher: SafeFetcher;
beforeAll(() => {
  fetcher = createSafeFetcher({ privateAccess: parsePrivateAccess('127.0.0.2/32'), maxBytes: 512 * 1024, timeoutMs: 5000, maxRedirects: 5, userAgent: 'BatonBot/test' });
});
afterAll(async () => {
  await fetcher.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function run(settings: Partial<CrawlSettings> = {}) {
  requests = [];
  const events: CrawlEvent[] = [];
  const summary = await crawl({ startUrl: `${base}/help/`, maxPages: 30, maxDepth: 3, concurrency: 2, delayMs: 0, ...settings }, { web: createWeb(fetcher) }, (e) => void events.push(e));
  const by = (type: CrawlEvent['type']) => events.filter((e) => e.type === type);
  const reasonFor = (path: string) => (events.find((e) => e.url === `${base}${path}` && 'reason' in e) as { reason?: string } | undefined)?.reason;
  return { summary, events, by, reasonFor, pages: by('page').map((e) => e.url.replace(base, '')).sort() };
}

describe('crawling a website', () => {
  it('reads every reachable page once, from links and the sitemap', async () => {
    const { pages, summary } = await run();
    expect(pages).toEqual(expect.arrayContaining(['/help/', '/help/billing', '/help/account', '/help/only-in-sitemap', '/calendar?month=1']));
    // Canonical, duplicate, noindex and the truncated page are accounted for below; nothing twice.
    expect(new Set(pages).size).toBe(pages.length);
    expect(summary.failed).toBeGreaterThanOrEqual(2);
  });

  it('obeys robots.txt and never requests a disallowed page', async () => {
    const { reasonFor } = await run();
    expect(reasonFor('/private/secret')).toBe('robots.txt disallows it');
    expect(requests).not.toContain('/private/secret');
  });

  it('stays on the site: other hosts are neither queued nor fetched', async () => {
    const { events } = await run();
    expect(events.some((e) => e.url.includes('elsewhere.example'))).toBe(false);
  });

  it('follows an allowed redirect, and refuses one to 127.0.0.1 without the operator opt-in', async () => {
    const { reasonFor, pages } = await run();
    // The sitemap queued /help/billing before the home page's links, so it was read first.
    expect(reasonFor('/old-billing')).toBe(`redirects to ${base}/help/billing, already read`);
    expect(pages.filter((p) => p === '/help/billing')).toHaveLength(1);
    expect(reasonFor('/escape')).toMatch(/127\.0\.0\.1 is a loopback address/);
  });

  it('drops duplicates by tracking parameters, canonical URL and content', async () => {
    const { reasonFor } = await run();
    expect(requests.filter((r) => r.startsWith('/help/billing?'))).toEqual([]);
    expect(reasonFor('/help/billing-print')).toBe(`its canonical page ${base}/help/billing is already read`);
    expect(reasonFor('/help/billing-copy')).toBe(`same content as ${base}/help/billing`);
  });

  it('skips pages that ask not to be indexed, and says why for what it could not use', async () => {
    const { reasonFor, by } = await run();
    expect(reasonFor('/help/hidden')).toBe('the page asks not to be indexed (robots meta)');
    expect(reasonFor('/logo.png')).toBe('not a page or a PDF (image/png)');
    expect(reasonFor('/help/missing')).toBe('the server answered HTTP 404');
    const pdf = by('file')[0] as Extract<CrawlEvent, { type: 'file' }>;
    expect(pdf).toMatchObject({ url: `${base}/manual.pdf`, contentType: 'application/pdf' });
  });

  it('cuts off an oversized page at the size cap and keeps what it read', async () => {
    const { by } = await run();
    const huge = by('page').find((e) => e.url === `${base}/huge`) as Extract<CrawlEvent, { type: 'page' }>;
    expect(huge.truncated).toBe(true);
    expect(huge.document.sections.map((s) => s.text).join(' ')).toContain('a page too big');
  });

  it('stops an endless calendar at the depth cap', async () => {
    const { pages } = await run({ maxDepth: 3 });
    const months = pages.filter((p) => p.startsWith('/calendar'));
    expect(months).toEqual(['/calendar?month=1', '/calendar?month=2', '/calendar?month=3']);
  });

  it('never fetches more than the page cap, whatever the concurrency', async () => {
    const { summary } = await run({ maxPages: 5, maxDepth: 50, concurrency: 4 });
    expect(summary.fetched).toBe(5);
    const pageRequests = requests.filter((r) => r !== '/robots.txt' && r !== '/sitemap.xml');
    expect(pageRequests).toHaveLength(5);
  });

  it('applies include and exclude patterns', async () => {
    const { pages, reasonFor } = await run({ include: ['/help/*'], exclude: ['*/account'] });
    expect(pages.every((p) => p.startsWith('/help/'))).toBe(true);
    expect(reasonFor('/help/account')).toBe('outside the include/exclude patterns');
    expect(reasonFor('/calendar?month=1')).toBe('outside the include/exclude patterns');
  });

  it('records validators, asks conditionally next time, and reports an unchanged page', async () => {
    const first = await run({ maxPages: 1 });
    const etag = (first.by('page')[0] as Extract<CrawlEvent, { type: 'page' }>).etag;
    expect(etag).toBe('"home-v1"');
    const again = await run({ maxPages: 3, known: new Map([[`${base}/help/`, { etag: etag! }], [`${base}/help/account`, {}]]) });
    expect(again.by('unchanged').map((e) => e.url)).toEqual([`${base}/help/`]);
    // The home page was not read again, but what the last sync reached still is.
    expect(again.pages).toContain('/help/account');
  });

  it('waits between requests as robots.txt or the settings ask', async () => {
    const waits: number[] = [];
    let clock = 0;
    await crawl({ startUrl: `${base}/help/`, maxPages: 3, maxDepth: 1, concurrency: 3, delayMs: 1000 }, { web: createWeb(fetcher), now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) }, () => {});
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits.every((w) => w === 1000)).toBe(true);
  });
});

describe('normaliseUrl', () => {
  it('gives one spelling per page', () => {
    expect(normaliseUrl('HTTPS://Help.Example.com:443/a?b=2&utm_source=x&a=1#top')).toBe('https://help.example.com/a?a=1&b=2');
    expect(normaliseUrl('mailto:x@y.z')).toBeUndefined();
    expect(normaliseUrl(`https://x.test/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});
