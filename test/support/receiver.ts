import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

export type ReceiverMode = 'ok' | 'fail' | 'hang' | 'garbled';

/**
 * A real HTTP receiver on loopback, as a team's webhook endpoint would be: it records every
 * request, and answers 200, 500 or not at all as the test says. `unique()` is what a receiver
 * that drops repeats by event id keeps.
 */
export async function startReceiver(port = 0) {
  const received: Received[] = [];
  let mode: ReceiverMode = 'ok';
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Record<string, unknown> });
      if (mode === 'hang') return void hanging.add(res);
      res.writeHead(mode === 'ok' ? 200 : 500, { 'content-type': 'text/plain' });
      // garbled: a NUL byte and other control characters, which Postgres text cannot hold.
      res.end(mode === 'ok' ? 'thanks' : mode === 'garbled' ? 'bad\u0000\u0007answer' : 'receiver broke <b>badly</b>');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/hooks/baton`,
    port: address.port,
    received,
    set mode(m: ReceiverMode) {
      mode = m;
    },
    /** Each event once, by its id, in the order first received. */
    unique(): Received[] {
      const seen = new Set<string>();
      return received.filter((r) => !seen.has(r.json.id as string) && seen.add(r.json.id as string));
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
