import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readUpTo } from '../../src/adapters/mail/inbound.js';

function* chunks(count: number, size: number) {
  for (let i = 0; i < count; i++) yield Buffer.alloc(size, 0x61);
}

describe('reading an inbound message', () => {
  it('keeps a message within the limit whole, byte for byte', async () => {
    const raw = await readUpTo(Readable.from(chunks(4, 1000)), 4000);
    expect(raw).toEqual(Buffer.alloc(4000, 0x61));
  });

  it('reads a message past the limit to its end (so the client hears the refusal) and keeps none of it', async () => {
    let read = 0;
    const source = Readable.from(chunks(200, 64 * 1024)).on('data', (c: Buffer) => (read += c.length));
    expect(await readUpTo(source, 1024 * 1024)).toBe('too large');
    expect(read).toBe(200 * 64 * 1024);
  });
});
