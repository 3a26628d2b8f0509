import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';
import robotsParserCjs from 'robots-parser';
import type { RobotsRules, Web } from '../../services/ports.js';
import { parseHtmlPage } from './html.js';
import type { SafeFetcher } from './safe-fetch.js';

export const CRAWLER_NAME = 'BatonBot';

// robots-parser is CommonJS (module.exports = fn) while its types declare an ES default export.
type Robot = { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined; getSitemaps(): string[] };
const robotsParser = robotsParserCjs as unknown as (url: string, robotstxt: string) => Robot;

// A sitemap may hold 50,000 URLs (sitemaps.org); a gzipped one is inflated at most this far.
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** The Web port: the SSRF-safe fetcher, HTML extraction, robots.txt and sitemaps. */
export function createWeb(fetcher: SafeFetcher): Web {
  return {
    fetch: (url, headers, follows) => fetcher.fetch(url, { headers, follows }),
    extractHtml: parseHtmlPage,
    parseRobots(robotsUrl: string, text: string): RobotsRules {
      const robots = robotsParser(robotsUrl, text);
      return {
        // robots-parser answers undefined for URLs of another origin: those are not ours to judge.
        isAllowed: (url) => robots.isAllowed(url, CRAWLER_NAME) !== false,
        crawlDelaySeconds: robots.getCrawlDelay(CRAWLER_NAME),
        sitemaps: robots.getSitemaps(),
      };
    },
    parseSitemap(body: Buffer) {
      const xml = (body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body).toString('utf8');
      const doc = new DOMParser().parseFromString(xml, 'text/xml');
      const locs = (selector: string) => [...doc.querySelectorAll(selector)].map((el) => (el.textContent ?? '').trim()).filter(Boolean);
      return { urls: locs('url > loc'), sitemaps: locs('sitemap > loc') };
    },
  };
}
