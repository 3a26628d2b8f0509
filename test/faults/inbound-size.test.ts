import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startInboundSmtp } from '../../src/adapters/mail/inbound.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/**
 * The reply receiver read a whole message before checking its size: one 150 MB message held
 * 1.2 GB. It must stop keeping bytes at the limit, finish reading, and refuse the DATA.
 */
describe('an inbound message over the size limit', () => {
  it('is refused with 552 while the receiver keeps no more than the limit in memory', async () => {
    const delivered: string[] = [];
    const inbound = await startInboundSmtp({
      port: 0,
      host: '127.0.0.1',
      domain: 'replies.acme.test',
      maxBytes: 1024 * 1024,
      recipient: (token) => (token === 'abc123' ? 'conv-1' : undefined),
      deliver: async (r) => void delivered.push(r.text),
      logger: pino({ level: 'silent' }),
    });
    close = inbound.close;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
    const send = (text: string) => transport.sendMail({ from: 'vic@example.org', to: 'reply+abc123@replies.acme.test', subject: 'Re: your question', text });

    await send('Thanks, that worked.');
    expect(delivered).toEqual(['Thanks, that worked.']);

    // A plain SMTP client that writes 40 MB (forty times the limit) as it makes it, so the only
    // memory that can grow in this process is the receiver's.
    // What is kept, not garbage yet to be collected: collect before each sample.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    let peak = 0;
    const sample = setInterval(() => {
      gc();
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 5);
    const reply = await rawSend(inbound.port, 40 * 1024 * 1024);
    clearInterval(sample);
    expect(reply).toMatch(/^552 /);
    expect(delivered).toHaveLength(1);
    expect(peak).toBeLessThan(12 * 1024 * 1024);
  }, 60_000);
});

/** Sends a message of `bytes` bytes over SMTP, line by line, and resolves with the reply to DATA. */
function rawSend(port: number, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const script = ['EHLO test.example', 'MAIL FROM:<vic@example.org>', 'RCPT TO:<reply+abc123@replies.acme.test>', 'DATA'];
    let buffered = '';
    let step = 0;
    let sending = false;
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (data: string) => {
      buffered += data;
      const lines = buffered.split('\r\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (/^\d{3}-/.test(line)) continue;
        if (sending) {
          socket.end('QUIT\r\n');
          resolve(line);
          return;
        }
        if (step < script.length) socket.write(`${script[step++]}\r\n`);
        else if (line.startsWith('354')) {
          sending = true;
          void body(socket, bytes);
        }
      }
    });
  });
}

async function body(socket: net.Socket, bytes: number) {
  socket.write('Subject: big\r\n\r\n');
  const line = `${'x'.repeat(76)}\r\n`;
  const chunk = line.repeat(800);
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
  }
  socket.write('.\r\n');
}
