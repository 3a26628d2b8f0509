import { inflateRawSync } from 'node:zlib';

/** What a .docx may unpack to: a long handbook is a few MB of XML; its images barely compress. */
export const ZIP_LIMITS = { entries: 5000, totalBytes: 200 * 1024 * 1024, ratio: 100, ratioFromBytes: 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Damaged extends Error {}

const bytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * Refuses a zip (a .docx) that would unpack to too much, before the document reader sees it.
 * Every central-directory record is walked, however many the end record claims (the reader
 * walks them all too), and each part is inflated here with its output capped at the size its
 * record declares: a record that lies about its size fails, so what the reader later inflates
 * is bounded by the limits checked on the declared sizes.
 */
export function zipProblem(data: Buffer, limits = ZIP_LIMITS): { damaged: string } | { refused: string } | undefined {
  try {
    const end = endRecord(data);
    let at = data.readUInt32LE(end + 16);
    let entries = 0;
    let total = 0;
    while (at + 46 <= data.length && data.readUInt32LE(at) === CENTRAL) {
      entries++;
      if (entries > limits.entries) return { refused: `it holds more than ${limits.entries} parts` };
      const method = data.readUInt16LE(at + 10);
      const packed = data.readUInt32LE(at + 20);
      const size = data.readUInt32LE(at + 24);
      const nameLength = data.readUInt16LE(at + 28);
      const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
      const name = data.toString('utf8', at + 46, Math.min(at + 46 + nameLength, data.length)).slice(0, 100);
      const local = data.readUInt32LE(at + 42);
      if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return { refused: 'it is a ZIP64 archive, which no document needs' };
      const ratio = size / Math.max(packed, 1);
      if (size > limits.ratioFromBytes && ratio > limits.ratio) return { refused: `${name} inflates ${Math.round(ratio)} times (${bytes(size)})` };
      total += size;
      if (total > limits.totalBytes) return { refused: `it inflates to more than ${bytes(limits.totalBytes)}` };
      inflatesAsDeclared(data, local, method, packed, size, name);
      at = next;
    }
    if (!entries) throw new Damaged('no files in it');
    return undefined;
  } catch (e) {
    if (e instanceof Damaged) return { damaged: e.message };
    if (e instanceof RangeError) return { damaged: 'a part is cut short' };
    throw e;
  }
}

/** The end-of-central-directory record, searched from the end (a comment may follow it). */
function endRecord(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  throw new Damaged('it is not a zip file');
}

/** Inflates one part with its output capped at the declared size; a part that holds more fails. */
function inflatesAsDeclared(data: Buffer, local: number, method: number, packed: number, size: number, name: string): void {
  if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) throw new Damaged(`the part ${name} is missing`);
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  if (start + packed > data.length) throw new Damaged(`the part ${name} is cut short`);
  const body = data.subarray(start, start + packed);
  if (method === 0) {
    if (packed !== size) throw new Damaged(`the part ${name} is not the size it says`);
    return;
  }
  if (method !== 8) throw new Damaged(`the part ${name} is compressed in a way Word does not use`);
  let out: Buffer;
  try {
    // One byte over the declared size is enough to know it lies.
    out = inflateRawSync(body, { maxOutputLength: Math.max(size, 1) + 1 });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new Damaged(`the part ${name} holds more than it says`);
    throw new Damaged(`the part ${name} cannot be inflated`);
  }
  if (out.length !== size) throw new Damaged(`the part ${name} is not the size it says`);
}
