import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';

// A sitemap may hold 50,000 URLs (sitemaps.org); a gzipped one is inflated at most this far.
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** Page URLs and nested sitemap URLs listed in a sitemap (plain or gzipped XML). */
export function parseSitemapBody(body: Buffer): { urls: string[]; sitemaps: string[] } {
  let raw: Buffer;
  try {
    raw = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body;
  } catch {
    throw new Error(`the sitemap does not inflate within ${MAX_SITEMAP_BYTES / 1024 / 1024} MB, or is not valid gzip`);
  }
  const doc = new DOMParser().parseFromString(raw.toString('utf8'), 'text/xml');
  const locs = (selector: string) => [...doc.querySelectorAll(selector)].map((el) => (el.textContent ?? '').trim()).filter(Boolean);
  return { urls: locs('url > loc'), sitemaps: locs('sitemap > loc') };
}
