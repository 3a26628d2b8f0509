import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher, FetchFailedError, FetchRefusedError, type SafeFetchOptions } from '../../src/adapters/web/safe-fetch.js';
import { parsePrivateAccess } from '../../src/lib/address-policy.js';

/**
 * The fixture listens on 127.0.0.2 (all of 127/8 is loopback on Linux). Tests allow exactly
 * 127.0.0.2/32, so anything else private, 127.0.0.1 included, must be refused; and refused
 * before any packet leaves, since literal addresses are checked before connecting.
 */
let server: http.Server;
let base: string;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/ok') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end('<h1>Hello</h1>');
    if (u.pathname === '/redirect') return void res.writeHead(302, { location: u.searchParams.get('to') ?? '/ok' }).end();
    if (u.pathname === '/loop') return void res.writeHead(301, { location: '/loop' }).end();
    if (u.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 5 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (u.pathname === '/hang') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.2:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const fetcherWith = (overrides: Partial<SafeFetchOptions> = {}) =>
  createSafeFetcher({ privateAccess: parsePrivateAccess('127.0.0.2/32'), maxBytes: 1024 * 1024, timeoutMs: 3000, maxRedirects: 5, userAgent: 'BatonTest/1', ...overrides });

async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(FetchRefusedError);
  return (e as FetchRefusedError).reason;
}

describe('the SSRF guard', () => {
  it.each([
    ['http://127.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://[fd00:ec2::254]/', 'cloud metadata'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[fd12:3456::1]/', 'uniqueLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
  ])('refuses %s (%s) without connecting', async (url, kind) => {
    const f = fetcherWith();
    expect(await refusal(f.fetch(url))).toContain(kind);
    await f.close();
  });

  it('refuses a hostname that resolves to a private address', async () => {
    const f = fetcherWith({ resolve: async () => ['10.20.30.40'] });
    expect(await refusal(f.fetch('http://intranet.example/'))).toMatch(/intranet\.example resolves to 10\.20\.30\.40 is a private address/);
    await f.close();
  });

  it('refuses a hostname when any one of its addresses is private', async () => {
    const f = fetcherWith({ resolve: async () => ['127.0.0.2', '192.168.0.10'] });
    expect(await refusal(f.fetch(`http://mixed.example:${port}/ok`))).toContain('192.168.0.10');
    await f.close();
  });

  it('connects to the address it checked, whatever DNS says later', async () => {
    // Nothing resolves "docs.example" for real: the only way to reach the fixture is our lookup's answer.
    let calls = 0;
    const f = fetcherWith({ resolve: async () => (++calls === 1 ? ['127.0.0.2'] : ['10.0.0.1']) });
    const res = await f.fetch(`http://docs.example:${port}/ok`);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('<h1>Hello</h1>');
    expect(calls).toBe(1);
    await f.close();
  });

  it.each([
    ['to 127.0.0.1', () => `http://127.0.0.1:${port}/ok`, 'loopback'],
    ['to 10.0.0.1', () => 'http://10.0.0.1/', 'private'],
    ['to the metadata service', () => 'http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['to a file: URL', () => 'file:///etc/passwd', 'only http and https'],
  ])('re-checks every redirect hop: refuses a redirect %s', async (_label, target, reason) => {
    const f = fetcherWith();
    const before = hits.length;
    expect(await refusal(f.fetch(`${base}/redirect?to=${encodeURIComponent(target())}`))).toContain(reason);
    expect(hits.slice(before)).toEqual([`/redirect?to=${encodeURIComponent(target())}`]);
    await f.close();
  });

  it('refuses cloud metadata even when every private address is allowed', async () => {
    const f = fetcherWith({ privateAccess: parsePrivateAccess('true') });
    expect((await f.fetch(`${base}/ok`)).status).toBe(200);
    expect(await refusal(f.fetch('http://169.254.169.254/'))).toContain('cloud metadata');
    await f.close();
  });

  it.each(['ftp://example.com/x', 'file:///etc/passwd', 'gopher://example.com/', 'data:text/html,hi', 'http://user:pw@example.com/'])('refuses %s', async (url) => {
    const f = fetcherWith();
    await refusal(f.fetch(url));
    await f.close();
  });
});

describe('fetching', () => {
  it('follows allowed redirects and reports the final URL', async () => {
    const f = fetcherWith();
    const res = await f.fetch(`${base}/redirect?to=/ok#section`);
    expect(res).toMatchObject({ status: 200, url: `${base}/ok`, contentType: 'text/html', truncated: false });
    expect(res.headers.etag).toBe('"v1"');
    expect(res.redirects).toEqual([`${base}/redirect?to=/ok`]);
    await f.close();
  });

  it('cuts off an oversized body at the cap', async () => {
    const f = fetcherWith({ maxBytes: 100_000 });
    const res = await f.fetch(`${base}/huge`);
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(100_000);
    await f.close();
  });

  it('gives up on a server that never answers', async () => {
    const f = fetcherWith({ timeoutMs: 500 });
    const e = await f.fetch(`${base}/hang`).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(FetchFailedError);
    expect((e as FetchFailedError).reason).toMatch(/no complete answer within 0.5 s/);
    await f.close();
  });

  it('stops a redirect loop', async () => {
    const f = fetcherWith({ maxRedirects: 3 });
    const e = await f.fetch(`${base}/loop`).then(() => undefined, (err: unknown) => err);
    expect((e as FetchFailedError).reason).toBe('more than 3 redirects');
    await f.close();
  });
});

describe('failures in words', () => {
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(FetchFailedError);
    return (e as FetchFailedError).reason;
  };

  it('says a connection was refused, not "connect ECONNREFUSED"', async () => {
    // A port that was just free: nothing listens there.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.2', r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const f = fetcherWith();
    const reason = await failure(f.fetch(`http://127.0.0.2:${freePort}/`));
    expect(reason).toBe('the connection was refused (nothing answers at that address) [ECONNREFUSED]');
    await f.close();
  });

  it('says a name has no address', async () => {
    const f = fetcherWith({ resolve: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND help.nowhere.example'), { code: 'ENOTFOUND' })) });
    expect(await failure(f.fetch('https://help.nowhere.example/'))).toBe('no address was found for help.nowhere.example (check the spelling) [ENOTFOUND]');
    await f.close();
  });
});

describe('CRAWL_ALLOW_PRIVATE parsing', () => {
  it('accepts false, true and CIDR lists, and explains a bad value', () => {
    expect(parsePrivateAccess(undefined)).toEqual({ kind: 'none' });
    expect(parsePrivateAccess('false')).toEqual({ kind: 'none' });
    expect(parsePrivateAccess('true')).toEqual({ kind: 'all' });
    expect(parsePrivateAccess('10.0.0.0/8, 127.0.0.2').kind).toBe('ranges');
    expect(() => parsePrivateAccess('10.0.0.0/8,intranet')).toThrow('"intranet" is not an address or CIDR range');
  });
});
