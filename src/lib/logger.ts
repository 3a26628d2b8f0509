import type { DestinationStream } from 'pino';
import { pino, type Logger } from 'pino';
import { createRequire } from 'node:module';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/** Paths whose last segment is a credential: a visitor's conversation link, an invite, a reset, an address confirmation. */
const TOKEN_PATHS = /^(\/(?:c|invite|password\/reset|email\/confirm)\/)[^/?#]+/;
// code and state: a single sign-on answer, which a replay must not find in a log.
const TOKEN_PARAMS = /([?&](?:_csrf|token|code|state)=)[^&#]*/g;

/** A request URL as it may be logged: tokens in the path or the query replaced. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_PATHS, '$1[redacted]').replace(TOKEN_PARAMS, '$1[redacted]');
}

/**
 * The app's logger. JSON lines for log collectors; in a terminal (`pretty`), one readable line
 * per event ("12:04:31 INFO  Baton is listening url=…"), as a person reads them.
 */
export function createLogger(opts: { level: string; destination?: DestinationStream; pretty?: boolean }): Logger {
  const options = {
    level: opts.level,
    base: { app: 'baton' },
    // Credentials must never reach a log line, whichever object carries them.
    redact: {
      paths: ['password', '*.password', 'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'req.query._csrf', 'req.query.token', 'req.params.token', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
  // Loaded only for a terminal: a container or a service never needs it.
  if (opts.pretty) return pino(options, (createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty)({ colorize: !opts.destination, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', singleLine: true, sync: true, destination: opts.destination ?? 1 }));
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
