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

const KEEPALIVE_MS = 25_000;

/** The live streams this process holds open, so a shutdown can end them at once. */
const liveStreams = new Set<Response>();

/**
 * Ends every live stream (shutdown): clients reconnect, to another replica when there is one,
 * instead of holding the process open until the grace period runs out.
 */
export function endLiveStreams(): void {
  for (const res of liveStreams) res.end();
  liveStreams.clear();
}

/**
 * Keeps a live stream open for as long as the client stays: comments every 25 s so proxies do not
 * close it (running `onBeat` each time), and the subscription ended (and `onClose` run) when the
 * client goes. Resolves with whether the client is still there once subscribed.
 */
export async function holdOpen(res: Response, stream: EventStream, subscribe: () => Promise<() => void>, hooks: { onClose?: () => void; onBeat?: () => void } = {}): Promise<boolean> {
  const { onClose, onBeat } = hooks;
  const keepalive = setInterval(() => {
    stream.comment('keepalive');
    onBeat?.();
  }, KEEPALIVE_MS);
  let unsubscribe: (() => void) | undefined;
  let gone = false;
  liveStreams.add(res);
  res.on('close', () => {
    liveStreams.delete(res);
    gone = true;
    clearInterval(keepalive);
    unsubscribe?.();
    onClose?.();
  });
  const stop = await subscribe();
  if (gone) stop();
  else unsubscribe = stop;
  return !gone;
}
