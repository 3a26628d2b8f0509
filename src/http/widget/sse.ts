import type { Response } from 'express';

export interface EventStream {
  /** Sends one event; `data` may span lines. Does nothing once the client has gone. */
  send(data: string, event?: string): void;
  /** A comment line: keeps proxies from closing an idle stream. */
  comment(text: string): void;
  end(): void;
  /** The client went away (the answer is still finished and stored). */
  readonly closed: boolean;
}

/**
 * Starts a text/event-stream response. `no-transform` keeps the compression middleware from
 * buffering it, and X-Accel-Buffering does the same for nginx in front of Baton.
 */
export function openEventStream(res: Response, status = 200): EventStream {
  res.status(status).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  let closed = false;
  res.on('close', () => (closed = true));
  return {
    send(data, event) {
      if (closed || res.writableEnded) return;
      res.write(`${event ? `event: ${event}\n` : ''}${data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`).join('\n')}\n\n`);
    },
    comment(text) {
      if (!closed && !res.writableEnded) res.write(`: ${text}\n\n`);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
    get closed() {
      return closed;
    },
  };
}
