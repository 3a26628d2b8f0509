import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { level: string }): Logger {
  return pino({
    level: opts.level,
    base: { app: 'baton' },
    // Credentials must never reach a log line, whichever object carries them.
    redact: {
      paths: ['password', '*.password', 'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  });
}
