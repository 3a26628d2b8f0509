import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkZip, fileKind, readFile } from '../../src/adapters/web/files.js';

const fixture = (name: string) => fs.readFileSync(`test/fixtures/files/${name}`);
const read = (filename: string, data: Buffer | string, contentType?: string) =>
  readFile({ filename, data: typeof data === 'string' ? Buffer.from(data) : data, url: '', ...(contentType ? { contentType } : {}) });
const failure = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error) => e.message);

describe('reading documents', () => {
  it('reads a two-page PDF a section per page, with page numbers and its title', async () => {
    const doc = await read('manual.pdf', fixture('manual.pdf'));
    expect(doc.title).toBe('Acme administrator manual');
    expect(doc.sections.map((s) => s.page)).toEqual([1, 2]);
    expect(doc.sections[0]!.text).toContain('SAML single sign-on with Okta');
    expect(doc.sections[1]!.text).toContain('audit log for one year');
  });

  it('reads a Word document at its headings', async () => {
    const doc = await read('shipping.docx', fixture('shipping.docx'));
    expect(doc.title).toBe('Shipping guide');
    expect(doc.sections.map((s) => [s.headingPath.join(' › '), s.text])).toEqual([
      ['Delivery times', 'Orders ship within two working days from our warehouse in Aarhus.'],
      ['Delivery times › Express delivery', 'Express orders placed before noon arrive the next day.'],
      ['Returns', 'Return any item within 30 days with the prepaid label in the box.'],
    ]);
  });

  it('reads Markdown at its headings, plain text as it is, and HTML without its navigation', async () => {
    const md = await read('faq.md', '# FAQ\n\nIntro.\n\n## Billing\n\nWe bill **monthly**.\n\n```\ncode stays\n```\n');
    expect(md.title).toBe('FAQ');
    expect(md.sections).toEqual([
      { headingPath: [], text: 'Intro.' },
      { headingPath: ['Billing'], text: 'We bill monthly.\n\ncode stays' },
    ]);
    const txt = await read('notes.txt', '\uFEFFFirst paragraph.\n\nSecond paragraph.');
    expect(txt).toMatchObject({ title: 'notes', sections: [{ headingPath: [], text: 'First paragraph.\n\nSecond paragraph.' }] });
    const html = await read('page.html', '<html lang="de"><body><nav>Menu</nav><h1>Versand</h1><p>Wir liefern in zwei Tagen.</p></body></html>');
    expect(html).toMatchObject({ title: 'Versand', language: 'de', sections: [{ headingPath: [], text: 'Wir liefern in zwei Tagen.' }] });
  });

  it('explains an encrypted, corrupt, blank, empty or unsupported file', async () => {
    expect(await failure(read('encrypted.pdf', fixture('encrypted.pdf')))).toBe('encrypted.pdf is password protected: save a copy without the password and upload that.');
    expect(await failure(read('corrupt.pdf', fixture('corrupt.pdf')))).toMatch(/^corrupt\.pdf could not be read as a PDF \(.+\): it may be damaged\.$/);
    expect(await failure(read('blank.pdf', fixture('blank.pdf')))).toBe('blank.pdf has no text to read: it may be scanned pages (images). Upload a PDF with selectable text.');
    expect(await failure(read('corrupt.docx', fixture('corrupt.docx')))).toMatch(/^corrupt\.docx could not be read as a Word document/);
    expect(await failure(read('old.doc', 'x'))).toBe('old.doc: this kind of file is not supported. Upload PDF, Word (.docx), Markdown (.md), text (.txt) or HTML.');
    expect(await failure(read('empty.md', ''))).toBe('empty.md is empty.');
    expect(await failure(read('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])))).toBe('image.txt is not a text file.');
    expect(await failure(read('fake.pdf', 'hello'))).toMatch(/^fake\.pdf is not a PDF file/);
  });

  it('knows a file by its extension, or else by its content type', () => {
    expect(fileKind('Guide.PDF')).toBe('pdf');
    expect(fileKind('download', 'application/pdf; charset=binary')).toBe('pdf');
    expect(fileKind('sheet.xlsx')).toBeUndefined();
  });
});

describe('checkZip', () => {
  const zip = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));
  const limits = { entries: 3, totalBytes: 10_000, ratio: 20, ratioFromBytes: 1000 };

  it('passes a zip within every limit and inflates nothing to tell', () => {
    expect(() => checkZip(zip({ 'a.xml': 'short text', 'b.xml': 'more text' }), 'ok.docx', limits)).not.toThrow();
  });

  it('refuses too many parts, too much in all, or one part that inflates far more than it takes', () => {
    expect(() => checkZip(zip({ a: '1', b: '2', c: '3', d: '4' }), 'many.docx', limits)).toThrow('many.docx was not read: it holds more than 3 parts');
    const varied = randomBytes(6000).toString('hex');
    expect(() => checkZip(zip({ 'a.xml': varied }), 'big.docx', limits)).toThrow('big.docx was not read: it inflates to more than 10 KB');
    expect(() => checkZip(zip({ 'word/document.xml': 'x'.repeat(5000) }), 'bomb.docx', limits)).toThrow(/bomb\.docx was not read: word\/document\.xml inflates \d+ times/);
  });

  it('walks every directory record, whatever count the end record claims', () => {
    const many = zip({ a: '1', b: '2', c: '3', d: '4' });
    // The end record's entry counts (offsets 8 and 10 from its start) say 1.
    const end = many.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    many.writeUInt16LE(1, end + 8);
    many.writeUInt16LE(1, end + 10);
    expect(() => checkZip(many, 'lying.docx', limits)).toThrow('lying.docx was not read: it holds more than 3 parts');
  });

  it('refuses a part that inflates to more than its record declares', () => {
    const lying = zip({ 'word/document.xml': 'y'.repeat(900) });
    // Both the local and the central record say 100 bytes; it inflates to 900.
    lying.writeUInt32LE(100, 22);
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24);
    expect(() => checkZip(lying, 'sizes.docx', limits)).toThrow('sizes.docx could not be read as a Word document (the part word/document.xml holds more than it says)');
  });

  it('says a broken zip is damaged', () => {
    expect(() => checkZip(Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.docx', limits)).toThrow('broken.docx could not be read as a Word document');
  });
});
