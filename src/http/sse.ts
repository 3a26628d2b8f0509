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

/**
 * How many live streams one key (a visitor, an address) may hold open at once in this process:
 * a stream past the limit closes the key's oldest, so a client in a loop costs a few file
 * descriptors, not all of them. A real visitor has a stream per open tab.
 */
export class StreamCaps {
  readonly #open = new Map<string, Response[]>();

  /** How many streams are open (each once, whatever number of keys holds it). */
  get count(): number {
    return new Set([...this.#open.values()].flat()).size;
  }

  admit(res: Response, keys: [key: string, max: number][]): void {
    for (const [key, max] of keys) {
      const list = this.#open.get(key) ?? [];
      list.push(res);
      this.#open.set(key, list);
      while (list.length > max) list.shift()!.end();
    }
    res.on('close', () => {
      for (const [key] of keys) {
        const list = this.#open.get(key);
        const at = list?.indexOf(res) ?? -1;
        if (at >= 0) list!.splice(at, 1);
        if (list && !list.length) this.#open.delete(key);
      }
    });
  }
}

/** Visitors' live streams (the widget's and the API's), capped per visitor and per address. */
export const visitorStreams = new StreamCaps();
export const STREAMS_PER_VISITOR = 4;
let streamsPerAddress = 100;
/** WIDGET_STREAMS_PER_IP, set once by the app at start. */
export const setStreamsPerAddress = (n: number) => void (streamsPerAddress = n);
export const visitorStreamKeys = (visitorId: string, ip: string | undefined): [string, number][] => [
  [`visitor:${visitorId}`, STREAMS_PER_VISITOR],
  [`ip:${ip ?? 'unknown'}`, streamsPerAddress],
];

/** The live streams this process holds open, so a shutdown can end them at once. */
const liveStreams = new Set<Response>();

/** Live streams this process holds open: visitors' (widget and API) and the team's (the inbox). */
export function openStreams(): { visitor: number; team: number } {
  const visitor = visitorStreams.count;
  return { visitor, team: Math.max(0, liveStreams.size - visitor) };
}

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
