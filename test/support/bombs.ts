import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A .docx (a zip) whose document.xml inflates to `mb` megabytes of paragraphs from well under
 * 1 MB. `noisy`: a little random text in every 100 KB, so it inflates only about 60 times and
 * its directory looks like a document's.
 */
export function docxBomb(mb: number, opts: { noisy?: boolean } = {}): Buffer {
  const paragraph = '<w:p><w:r><w:t>all work and no play makes a dull document </w:t></w:r></w:p>';
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const noise = () => `<w:p><w:r><w:t>${Array.from({ length: 1500 }, () => letters[Math.floor(Math.random() * 26)]).join('')}</w:t></w:r></w:p>`;
  const block = opts.noisy ? () => paragraph.repeat(1200) + noise() : () => paragraph.repeat(1200);
  const blocks = Math.ceil((mb * 1024 * 1024) / block().length);
  const body = Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${Array.from({ length: blocks }, block).join('')}</w:body></w:document>`);
  const files: [string, Buffer][] = [
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')],
    ['_rels/.rels', Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')],
    ['word/document.xml', body],
  ];
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const packed = deflateRawSync(data, { level: 9 });
    const header = (sig: number, size: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = header(0x02014b50, 46);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(name), packed);
    central.push(dir, Buffer.from(name));
    offset += 30 + name.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

