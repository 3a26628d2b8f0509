import type { AddressInfo } from 'node:net';
import EmailReplyParser from 'email-reply-parser';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../../lib/logger.js';

export interface InboundReply {
  /** What `recipient` made of the reply+<token> address (the conversation it is for). */
  recipientId: string;
  from: string;
  /** What the sender wrote, without the quoted email below it or their signature. */
  text: string;
  messageId: string | undefined;
}

export interface InboundOptions {
  port: number;
  host: string;
  /** Only reply+<token>@domain is accepted. */
  domain: string;
  /** A certificate and key (PEM): offered as STARTTLS, so replies can arrive encrypted. */
  tls?: { cert: Buffer; key: Buffer };
  maxBytes: number;
  /** What a genuine token stands for; undefined refuses the address at RCPT TO, before any data. */
  recipient: (token: string) => string | undefined;
  deliver: (reply: InboundReply) => Promise<void>;
  logger: Logger;
}

/** The part of a reply that is new: mail clients quote the whole thread below it. */
export function visibleReply(text: string): string {
  return new EmailReplyParser().read(text.replace(/\r\n/g, '\n')).getVisibleText().trim();
}

/**
 * A message's bytes, or 'too large' once they pass `max`: what follows is read and dropped (the
 * client must be able to finish DATA to hear the 552), never kept, so a 150 MB message costs
 * `max` bytes of memory at most.
 */
export function readUpTo(stream: Readable, max: number): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(size > max ? 'too large' : Buffer.concat(chunks)));
  });
}

/**
 * The optional receiver for visitors' email replies: an SMTP server that takes mail only for
 * reply+<token>@<domain> with a genuine token, strips the quoted text and hands the reply on.
 * It does no relaying and needs no authentication: it is the final destination for that domain.
 */
export async function startInboundSmtp(opts: InboundOptions): Promise<{ port: number; close(): Promise<void> }> {
  const pattern = new RegExp(`^reply\\+([0-9a-z]+)@${opts.domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
  const recipientOf = (address: string) => {
    const token = pattern.exec(address.trim())?.[1];
    return token ? opts.recipient(token) : undefined;
  };
  const server = new SMTPServer({
    authOptional: true,
    // STARTTLS only with a certificate: offering it without one would fail every sender that tries.
    disabledCommands: opts.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : {}),
    size: opts.maxBytes,
    logger: false,
    banner: 'Baton reply receiver',
    onRcptTo(address, _session, cb) {
      if (!recipientOf(address.address)) {
        cb(Object.assign(new Error('No such recipient here'), { responseCode: 550 }));
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      readUpTo(stream, opts.maxBytes)
        .then(async (raw) => {
          if (raw === 'too large') throw Object.assign(new Error(`Message too large: at most ${Math.round(opts.maxBytes / 1e6)} MB`), { responseCode: 552 });
          const mail = await simpleParser(raw);
          const text = visibleReply(mail.text ?? '');
          const envelopeFrom = session.envelope.mailFrom;
          const from = mail.from?.value[0]?.address ?? (envelopeFrom ? envelopeFrom.address : '');
          for (const rcpt of session.envelope.rcptTo) {
            const recipientId = recipientOf(rcpt.address);
            if (!recipientId) continue;
            if (!text) {
              opts.logger.info({ from }, 'inbound email had no new text above the quoted part; ignored');
              continue;
            }
            await opts.deliver({ recipientId, from, text, messageId: mail.messageId });
          }
        })
        .then(
          () => cb(),
          (err: unknown) => {
            opts.logger.warn({ err }, 'inbound email could not be stored');
            const e = err as { responseCode?: number };
            // A temporary failure (4xx) makes the sending server try again later: nothing is lost.
            cb(Object.assign(new Error(e.responseCode ? (err as Error).message : 'Could not store the reply; try again later'), { responseCode: e.responseCode ?? 451 }));
          },
        );
    },
  });
  server.on('error', (err) => opts.logger.warn({ err }, 'inbound SMTP error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
