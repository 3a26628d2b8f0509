import { createHash } from 'node:crypto';
import type { RobotsRules, Web } from '../ports.js';
import type { ExtractedDocument } from './types.js';
import { httpUrl } from '../../lib/urls.js';

/**
 * Crawling one website: same site only, robots.txt obeyed, sitemaps and links followed breadth
 * first within page and depth caps, politely (one request at a time per delay), duplicates
 * dropped by canonical URL and by content. It reports what it finds as events and stores
 * nothing itself; the caller chunks and indexes.
 */

export interface CrawlSettings {
  startUrl: string;
  sitemapUrl?: string;
  /** Pages and files fetched, at most (robots.txt and sitemaps not counted). */
  maxPages: number;
  /** Link hops from a seed (the start URL and sitemap entries are depth 0). */
  maxDepth: number;
  /** Only URLs matching one of these (when any are given) are fetched; `*` matches anything. */
  include?: string[];
  /** URLs matching any of these are never fetched. */
  exclude?: string[];
  /** Requests in flight at once. */
  concurrency?: number;
  /** Least time between two requests to the site; robots.txt's Crawl-delay wins if longer (up to 10 s). */
  delayMs?: number;
  /** What earlier syncs saw, for conditional requests (a 304 means unchanged). */
  known?: Map<string, { etag?: string; lastModified?: string }>;
}

export type CrawlEvent =
  | { type: 'page'; url: string; document: ExtractedDocument; contentHash: string; etag?: string; lastModified?: string; truncated: boolean; via?: string }
  | { type: 'file'; url: string; contentType: string; body: Buffer; etag?: string; lastModified?: string; truncated: boolean }
  | { type: 'unchanged'; url: string }
  | { type: 'skipped'; url: string; reason: string; bucket: SkipBucket }
  | { type: 'failed'; url: string; reason: string };

/**
 * Why a found URL was not indexed, grouped so the sync's counters add up in words an admin
 * knows: found = indexed + unchanged + failed + every bucket + not reached.
 */
export const SKIP_BUCKETS = ['duplicate', 'robots', 'outside', 'not_page', 'empty'] as const;
export type SkipBucket = (typeof SKIP_BUCKETS)[number];

export interface CrawlSummary {
  /** Distinct same-site URLs discovered. */
  found: number;
  /** Requests made for pages and files. */
  fetched: number;
  pages: number;
  files: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Found but never visited: the page limit was reached first (or the crawl was stopped). */
  notReached: number;
}

const FILE_TYPES = new Set(['application/pdf']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|_ga|ref)$/i;
const MAX_URL_LENGTH = 2000;
const MAX_SITEMAPS = 20;

/** One spelling per page: no fragment, no tracking parameters, parameters sorted. */
export function normaliseUrl(raw: string, base?: string): string | undefined {
  const u = httpUrl(raw, base);
  if (!u) return undefined;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  const href = u.href;
  return href.length <= MAX_URL_LENGTH ? href : undefined;
}

/**
 * The site a URL belongs to: its host (with or without www.) and port. A service on another port
 * of the same host is another site. http and https on their default ports are one site, as a
 * site moving to https redirects from one to the other.
 */
export const siteOf = (url: string) => {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '');
  return u.port ? `${u.protocol}//${host}:${u.port}` : `//${host}`;
};

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** A pattern starting with http matches the whole URL; otherwise the path and query. */
function matcher(patterns: string[] | undefined): ((url: string) => boolean) | undefined {
  if (!patterns?.length) return undefined;
  const tests = patterns.map((p) => ({ full: /^https?:/i.test(p), re: globToRegExp(p.trim()) }));
  return (url) => {
    const u = new URL(url);
    return tests.some((t) => t.re.test(t.full ? url : u.pathname + u.search));
  };
}

/**
 * Whether the include/exclude patterns keep a URL out. The start page is always read: it is
 * where the admin said the site begins.
 */
export function patternFilter(settings: Pick<CrawlSettings, 'include' | 'exclude'>, start: string | undefined): (url: string) => boolean {
  const included = matcher(settings.include);
  const excluded = matcher(settings.exclude);
  return (url) => url !== start && ((!!included && !included(url)) || !!excluded?.(url));
}

export function contentHash(doc: ExtractedDocument): string {
  const text = doc.sections.map((s) => `${s.headingPath.join('/')}\n${s.text}`).join('\n').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(text).digest('hex');
}

export async function crawl(
  settings: CrawlSettings,
  deps: {
    web: Web;
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
    /** Called after every URL is dealt with, for live progress. */
    onProgress?: (summary: Readonly<CrawlSummary>) => void | Promise<void>;
    /** Stops taking new URLs (the ones in flight finish); the summary says how far it got. */
    signal?: AbortSignal;
  },
  emit: (event: CrawlEvent) => void | Promise<void>,
): Promise<CrawlSummary> {
  const { web } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? (() => Date.now());
  const start = normaliseUrl(settings.startUrl);
  if (!start) throw new Error(`${settings.startUrl} is not an http(s) URL`);
  const site = siteOf(start);
  const sameSite = (url: string) => siteOf(url) === site;
  const origin = new URL(start).origin;
  const outside = patternFilter(settings, start);
  const summary: CrawlSummary = { found: 0, fetched: 0, pages: 0, files: 0, unchanged: 0, skipped: 0, failed: 0, notReached: 0 };
  const report = async (event: CrawlEvent) => {
    if (event.type === 'page') summary.pages++;
    else if (event.type === 'file') summary.files++;
    else summary[event.type]++;
    await emit(event);
  };

  // Politeness: requests start at least `gap` ms apart, whatever the concurrency.
  let gap = settings.delayMs ?? 250;
  let nextSlot = 0;
  const politely = async () => {
    const at = Math.max(now(), nextSlot);
    nextSlot = at + gap;
    if (at > now()) await sleep(at - now());
  };

  let robots: RobotsRules | undefined;
  try {
    await politely();
    const res = await web.fetch(`${origin}/robots.txt`, {}, sameSite);
    if (res.status < 400) robots = web.parseRobots(`${origin}/robots.txt`, res.body.toString('utf8'));
  } catch {
    // No robots.txt we can read means no rules (RFC 9309 §2.3.1.3).
  }
  if (robots?.crawlDelaySeconds) gap = Math.max(gap, Math.min(robots.crawlDelaySeconds, 10) * 1000);

  const seen = new Set<string>();
  const queue: { url: string; depth: number }[] = [];
  const enqueue = (raw: string, depth: number) => {
    const url = normaliseUrl(raw);
    if (!url || seen.has(url) || siteOf(url) !== site) return;
    seen.add(url);
    summary.found++;
    queue.push({ url, depth });
  };

  // Seeds: the start page, every URL the last sync read (an unchanged page answers 304 and is not
  // read again, so its links are not either: seeding them keeps what it reached), then sitemaps.
  enqueue(start, 0);
  for (const url of settings.known?.keys() ?? []) enqueue(url, 0);
  const sitemapQueue = [settings.sitemapUrl, ...(robots?.sitemaps ?? [])].filter((s): s is string => !!s);
  if (!sitemapQueue.length) sitemapQueue.push(`${origin}/sitemap.xml`);
  const sitemapsSeen = new Set<string>();
  while (sitemapQueue.length && sitemapsSeen.size < MAX_SITEMAPS && summary.found < settings.maxPages * 3) {
    const sitemap = normaliseUrl(sitemapQueue.shift()!);
    if (!sitemap || sitemapsSeen.has(sitemap) || siteOf(sitemap) !== site) continue;
    sitemapsSeen.add(sitemap);
    try {
      await politely();
      const res = await web.fetch(sitemap, {}, sameSite);
      if (res.status >= 400) continue;
      const listed = await web.parseSitemap(res.body);
      sitemapQueue.push(...listed.sitemaps);
      for (const url of listed.urls) enqueue(url, 0);
    } catch {
      // A missing or broken sitemap only means fewer seeds; links still lead to the pages.
    }
  }

  const hashes = new Map<string, string>();
  const done = new Set<string>();
  let inFlight = 0;
  // Idle workers wait here; every finished visit (which may have queued new links) wakes them all.
  const waiters: (() => void)[] = [];
  const wakeAll = () => {
    for (const w of waiters.splice(0)) w();
  };

  const visit = async ({ url, depth }: { url: string; depth: number }) => {
    // Read already as the target of a redirect or as a canonical URL.
    if (done.has(url)) return report({ type: 'skipped', url, reason: 'already read (another address led to it)', bucket: 'duplicate' });
    if (robots && !robots.isAllowed(url)) return report({ type: 'skipped', url, reason: 'robots.txt disallows it', bucket: 'robots' });
    if (outside(url)) return report({ type: 'skipped', url, reason: 'outside the include/exclude patterns', bucket: 'outside' });
    const known = settings.known?.get(url);
    const headers: Record<string, string> = {};
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    // Claimed before any await, so concurrent workers can never fetch past the cap.
    if (summary.fetched >= settings.maxPages) return; // not reached: counted at the end
    summary.fetched++;
    await politely();
    let res;
    try {
      res = await web.fetch(url, headers, sameSite);
    } catch (e) {
      return report({ type: 'failed', url, reason: e instanceof Error ? e.message : String(e) });
    }
    if (res.status === 304) return report({ type: 'unchanged', url });
    if (res.status >= 400) return report({ type: 'failed', url, reason: `the server answered HTTP ${res.status}` });
    const finalUrl = normaliseUrl(res.url) ?? url;
    if (siteOf(finalUrl) !== site) return report({ type: 'skipped', url, reason: `redirects to another site (${finalUrl})`, bucket: 'outside' });
    // Where a redirect lands is held to the patterns too, or an excluded page comes back through it.
    if (finalUrl !== url && outside(finalUrl)) return report({ type: 'skipped', url, reason: `redirects to ${finalUrl}, outside the include/exclude patterns`, bucket: 'outside' });
    if (finalUrl !== url) {
      if (done.has(finalUrl)) return report({ type: 'skipped', url, reason: `redirects to ${finalUrl}, already read`, bucket: 'duplicate' });
      seen.add(finalUrl);
    }
    done.add(finalUrl);
    const validators = { ...(res.headers.etag ? { etag: res.headers.etag } : {}), ...(res.headers['last-modified'] ? { lastModified: res.headers['last-modified'] } : {}) };

    if (FILE_TYPES.has(res.contentType)) return report({ type: 'file', url: finalUrl, contentType: res.contentType, body: res.body, truncated: res.truncated, ...validators });
    if (!HTML_TYPES.has(res.contentType)) return report({ type: 'skipped', url: finalUrl, reason: `not a page or a PDF (${res.contentType || 'no content type'})`, bucket: 'not_page' });

    let page;
    try {
      page = await web.extractHtml(res.body.toString('utf8'), finalUrl);
    } catch (e) {
      // Too slow or too big to read (see the parse pool's limits): this page fails alone.
      return report({ type: 'failed', url: finalUrl, reason: e instanceof Error ? e.message : String(e) });
    }
    if (!page.nofollow && depth < settings.maxDepth) for (const link of page.links) enqueue(link, depth + 1);
    const canonical = page.canonicalUrl ? normaliseUrl(page.canonicalUrl) : undefined;
    const identity = canonical && siteOf(canonical) === site ? canonical : finalUrl;
    if (identity !== finalUrl && outside(identity)) return report({ type: 'skipped', url: finalUrl, reason: `its canonical page ${identity} is outside the include/exclude patterns`, bucket: 'outside' });
    if (identity !== finalUrl) {
      if (done.has(identity)) return report({ type: 'skipped', url: finalUrl, reason: `its canonical page ${identity} is already read`, bucket: 'duplicate' });
      done.add(identity);
      seen.add(identity);
    }
    if (page.noindex) return report({ type: 'skipped', url: finalUrl, reason: 'the page asks not to be indexed (robots meta)', bucket: 'robots' });
    if (!page.document.sections.length) return report({ type: 'skipped', url: finalUrl, reason: 'no readable text', bucket: 'empty' });
    const hash = contentHash(page.document);
    const twin = hashes.get(hash);
    if (twin) return report({ type: 'skipped', url: finalUrl, reason: `same content as ${twin}`, bucket: 'duplicate' });
    hashes.set(hash, identity);
    // `via`: the address that was queued, when the page is known by another (a redirect, a canonical URL).
    return report({ type: 'page', url: identity, document: { ...page.document, url: identity }, contentHash: hash, truncated: res.truncated, ...validators, ...(identity !== url ? { via: url } : {}) });
  };

  const worker = async () => {
    for (;;) {
      if (summary.fetched >= settings.maxPages || deps.signal?.aborted) return;
      const item = queue.shift();
      if (!item) {
        if (inFlight === 0) return;
        await new Promise<void>((r) => waiters.push(r));
        continue;
      }
      inFlight++;
      try {
        await visit(item);
        await deps.onProgress?.(summary);
      } finally {
        inFlight--;
        wakeAll();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.concurrency ?? 2) }, () => worker()));
  wakeAll();
  // Every found URL was dealt with once (an event above) or never visited.
  summary.notReached = summary.found - summary.pages - summary.files - summary.unchanged - summary.skipped - summary.failed;
  return summary;
}
