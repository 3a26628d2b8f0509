import type { WebhookSender } from '../../services/ports.js';
import type { PrivateAccess } from '../../lib/address-policy.js';
import { createSafeFetcher, FetchFailedError, FetchRefusedError } from './safe-fetch.js';

/** What is kept of a receiver's answer for the delivery log. */
const RESPONSE_BYTES = 2048;

/**
 * Posts integration deliveries through the same guarded fetcher as the crawler: every address is
 * checked (a webhook URL is not a way into the server's own network unless
 * INTEGRATIONS_ALLOW_PRIVATE says so), the whole exchange is bounded in time, and only the start
 * of the answer is read.
 */
export function createWebhookSender(opts: { privateAccess: PrivateAccess; timeoutMs: number; userAgent: string; resolve?: (host: string) => Promise<string[]> }): WebhookSender & { close(): Promise<void> } {
  const fetcher = createSafeFetcher({ privateAccess: opts.privateAccess, maxBytes: RESPONSE_BYTES, timeoutMs: opts.timeoutMs, maxRedirects: 0, userAgent: opts.userAgent, resolve: opts.resolve });
  return {
    async post(url, body, headers) {
      try {
        const res = await fetcher.fetch(url, { method: 'POST', body, headers: { accept: '*/*', ...headers } });
        const text = res.body.toString('utf8') + (res.truncated ? '…' : '');
        if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, body: text };
        const error = res.status >= 300 && res.status < 400 ? `it answered with a redirect (${res.status}) to ${res.headers.location ?? 'nowhere'}: use the final address` : `it answered ${res.status}`;
        return { ok: false, status: res.status, body: text, error };
      } catch (err) {
        if (err instanceof FetchRefusedError) return { ok: false, status: null, body: null, error: `${err.reason} (INTEGRATIONS_ALLOW_PRIVATE lets deliveries reach your own network)` };
        if (err instanceof FetchFailedError) return { ok: false, status: null, body: null, error: err.reason };
        throw err;
      }
    },
    close: () => fetcher.close(),
  };
}
