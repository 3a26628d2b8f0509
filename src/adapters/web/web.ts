import robotsParserCjs from 'robots-parser';
import type { RobotsRules, Web } from '../../services/ports.js';
import type { ParsePool } from './parsing.js';
import type { SafeFetcher } from './safe-fetch.js';

export const CRAWLER_NAME = 'BatonBot';

// robots-parser is CommonJS (module.exports = fn) while its types declare an ES default export.
type Robot = { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined; getSitemaps(): string[] };
const robotsParser = robotsParserCjs as unknown as (url: string, robotstxt: string) => Robot;

/**
 * The Web port: the SSRF-safe fetcher, HTML extraction, robots.txt and sitemaps. Pages and
 * sitemaps are read in the parse pool's worker threads when there is one (the app), in this
 * thread otherwise (tools and tests that parse a few known pages). The parsers (linkedom, about
 * 20 MB) are loaded only where they run, so the app's own thread never holds them.
 */
export function createWeb(fetcher: SafeFetcher, pool?: ParsePool): Web {
  return {
    fetch: (url, headers, follows) => fetcher.fetch(url, { headers, follows }),
    extractHtml: async (html, url) => (pool ? pool.extractHtml(html, url) : (await import('./html.js')).parseHtmlPage(html, url)),
    parseRobots(robotsUrl: string, text: string): RobotsRules {
      const robots = robotsParser(robotsUrl, text);
      return {
        // robots-parser answers undefined for URLs of another origin: those are not ours to judge.
        isAllowed: (url) => robots.isAllowed(url, CRAWLER_NAME) !== false,
        crawlDelaySeconds: robots.getCrawlDelay(CRAWLER_NAME),
        sitemaps: robots.getSitemaps(),
      };
    },
    parseSitemap: async (body) => (pool ? pool.parseSitemap(body) : (await import('./sitemaps.js')).parseSitemapBody(body)),
  };
}
