import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export interface TestSmtp {
  port: number;
  inbox: ParsedMail[];
  /** Resolves with the next message to arrive (or one already waiting that matches). */
  waitFor(match: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/**
 * `port`: listen on this one (to bring a "stopped" mail server back where the app expects it);
 * `refuse`: recipients the server rejects for good (550), as a server does for an unknown mailbox.
 */
export async function startSmtp(opts: { port?: number; refuse?: (address: string) => boolean } = {}): Promise<TestSmtp> {
  const inbox: ParsedMail[] = [];
  const waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.refuse?.(address.address)) {
        const err = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
        cb(err);
        return;
      }
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        for (const w of [...waiters]) {
          if (w.match(mail)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(mail);
          }
        }
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    inbox,
    waitFor(match, timeoutMs = 10_000) {
      const found = inbox.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching email arrived')), timeoutMs);
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
