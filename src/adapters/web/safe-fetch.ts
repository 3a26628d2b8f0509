import dns from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { addressVerdict, isIpLiteral, type PrivateAccess } from '../../lib/address-policy.js';

/**
 * Fetching pages on behalf of an admin, without becoming a way into the server's own network
 * (SSRF). Every hop is checked: the scheme, the literal address or every address a name resolves
 * to, and the connection is made to the very address that was checked, so DNS cannot change its
 * answer between the check and the connect. Bodies are capped in size and time.
 */

export class FetchRefusedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Refused to fetch ${url}: ${reason}`);
    this.name = 'FetchRefusedError';
  }
}

export class FetchFailedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Could not fetch ${url}: ${reason}`);
    this.name = 'FetchFailedError';
  }
}

export interface SafeFetchOptions {
  privateAccess: PrivateAccess;
  /** Bytes kept of a body; the rest is cut off and `truncated` is set. */
  maxBytes: number;
  /** Whole request, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  /** Name resolution; the system resolver unless a test gives its own. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export interface SafeResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string;
  body: Buffer;
  truncated: boolean;
  redirects: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * What went wrong, in words an admin can act on ("the connection was refused"), not Node's
 * `connect ECONNREFUSED 127.0.0.1:4177`. The code stays in brackets for whoever debugs it.
 */
export function networkProblem(e: unknown, host: string): string {
  const err = e as { code?: string; cause?: { code?: string }; message?: string };
  const code = err.code ?? err.cause?.code ?? '';
  const words: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused (nothing answers at that address)',
    ENOTFOUND: `no address was found for ${host} (check the spelling)`,
    EAI_AGAIN: `the name ${host} could not be looked up just now (DNS did not answer)`,
    ECONNRESET: 'the connection was cut off before an answer',
    UND_ERR_SOCKET: 'the connection was closed before an answer',
    ETIMEDOUT: 'it did not answer in time',
    UND_ERR_CONNECT_TIMEOUT: 'it did not answer in time',
    EHOSTUNREACH: 'that address cannot be reached from this server',
    ENETUNREACH: 'that address cannot be reached from this server',
    CERT_HAS_EXPIRED: 'its security certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its security certificate is self-signed, so it cannot be trusted',
    SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate is self-signed, so it cannot be trusted',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate cannot be verified',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its security certificate cannot be verified',
    ERR_TLS_CERT_ALTNAME_INVALID: `its security certificate is not for ${host}`,
    EPROTO: 'it does not speak HTTPS at that address',
    ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak HTTPS at that address',
  };
  if (words[code]) return `${words[code]} [${code}]`;
  return code ? `the connection failed [${code}]` : (err.message ?? String(e));
}

const systemResolve = async (hostname: string) => (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface SafeFetcher {
  /** `follows`: whether a redirect may be followed to that URL; a refused one fails the fetch. */
  fetch(url: string, init?: { headers?: Record<string, string>; follows?: (url: string) => boolean; method?: 'GET' | 'POST'; body?: string }): Promise<SafeResponse>;
  close(): Promise<void>;
}

export function createSafeFetcher(opts: SafeFetchOptions): SafeFetcher {
  const resolve = opts.resolve ?? systemResolve;

  /** Resolves a name, refuses it if any of its addresses is off limits, and returns the checked one. */
  async function checkedAddress(hostname: string): Promise<LookupAddress> {
    let addresses: string[];
    try {
      addresses = await resolve(hostname);
    } catch (e) {
      throw new FetchFailedError(hostname, networkProblem(e, hostname));
    }
    if (!addresses.length) throw new FetchFailedError(hostname, `${hostname} has no address`);
    // All of them, not just the first: a name with one public and one private address is refused.
    for (const address of addresses) {
      const verdict = addressVerdict(address, opts.privateAccess);
      if (!verdict.ok) throw new FetchRefusedError(hostname, `${hostname} resolves to ${verdict.reason}`);
    }
    const address = addresses[0]!;
    return { address, family: address.includes(':') ? 6 : 4 };
  }

  // net.connect asks for one address or, with happy eyeballs, a list; answer in the form asked.
  const lookup: LookupFunction = (hostname, options, callback) => {
    checkedAddress(hostname).then(
      (a) => (options.all ? callback(null, [a]) : callback(null, a.address, a.family)),
      (e: unknown) => callback(e as NodeJS.ErrnoException, ''),
    );
  };

  const agent = new Agent({
    connect: {
      lookup,
      timeout: Math.min(opts.timeoutMs, 10_000),
    },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connections: 8,
  });

  function checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchRefusedError(raw, 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusedError(raw, `only http and https are fetched, not ${url.protocol.replace(':', '')}`);
    if (url.username || url.password) throw new FetchRefusedError(raw, 'URLs with credentials are not fetched');
    // The URL parser has already turned 127.1, 0x7f000001 and 2130706433 into 127.0.0.1.
    // Literal addresses never reach the resolver, so they are checked here, before any connection.
    if (isIpLiteral(url.hostname)) {
      const verdict = addressVerdict(url.hostname, opts.privateAccess);
      if (!verdict.ok) throw new FetchRefusedError(raw, verdict.reason);
    }
    url.hash = '';
    return url;
  }

  return {
    async fetch(raw, init = {}) {
      const signal = AbortSignal.timeout(opts.timeoutMs);
      const redirects: string[] = [];
      let url = checkUrl(raw);
      for (;;) {
        let res: Awaited<ReturnType<typeof request>>;
        try {
          res = await request(url, {
            dispatcher: agent,
            method: init.method ?? 'GET',
            headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5', ...init.headers },
            body: init.body,
            signal,
          });
        } catch (e) {
          const cause = (e as { cause?: unknown }).cause;
          // The checked lookup's own errors (a private address, a name that does not resolve).
          for (const problem of [e, cause]) {
            if (problem instanceof FetchRefusedError) throw new FetchRefusedError(url.href, problem.reason);
            if (problem instanceof FetchFailedError) throw new FetchFailedError(url.href, problem.reason);
          }
          if (signal.aborted) throw new FetchFailedError(url.href, `no complete answer within ${opts.timeoutMs / 1000} s`);
          throw new FetchFailedError(url.href, networkProblem(e, url.hostname));
        }
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
        // A POST is not repeated elsewhere: its redirect is the answer.
        if (REDIRECTS.has(res.statusCode) && headers.location && (init.method ?? 'GET') === 'GET') {
          await res.body.dump().catch(() => {});
          if (redirects.length >= opts.maxRedirects) throw new FetchFailedError(raw, `more than ${opts.maxRedirects} redirects`);
          redirects.push(url.href);
          const next = checkUrl(new URL(headers.location, url).href);
          // Checked before connecting: a redirect to another site is not even asked.
          if (init.follows && !init.follows(next.href)) throw new FetchRefusedError(next.href, `redirects to another site (${next.href})`);
          url = next;
          continue;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        try {
          for await (const chunk of res.body) {
            const buf = chunk as Buffer;
            if (size + buf.length > opts.maxBytes) {
              chunks.push(buf.subarray(0, opts.maxBytes - size));
              size = opts.maxBytes;
              truncated = true;
              break;
            }
            chunks.push(buf);
            size += buf.length;
          }
        } catch (e) {
          if (signal.aborted) throw new FetchFailedError(url.href, `no complete answer within ${opts.timeoutMs / 1000} s`);
          throw new FetchFailedError(url.href, networkProblem(e, url.hostname));
        } finally {
          if (truncated) res.body.destroy();
        }
        return {
          url: url.href,
          status: res.statusCode,
          headers,
          contentType: (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(),
          body: Buffer.concat(chunks, size),
          truncated,
          redirects,
        };
      }
    },
    close: () => agent.close(),
  };
}
