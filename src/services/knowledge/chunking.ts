import { detectLanguage } from '../../lib/language.js';
import type { Chunk, DocumentSection, ExtractedDocument } from './types.js';

export interface ChunkingOptions {
  /** Upper bound on a chunk's text, in characters (~4 characters a token). */
  maxChars: number;
  /** Characters of the previous chunk repeated at the start of the next, within one section. */
  overlapChars: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxChars: 1500, overlapChars: 200 };

/** A chunk before it is stored: no id, source or position yet. */
export type ChunkDraft = Omit<Chunk, 'id' | 'sourceId' | 'position'>;

const normalise = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Splits text into pieces no longer than max: by paragraph, then sentence, then word, then hard. */
function pieces(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const separator of [/\n\n/, /(?<=[.!?…])\s+/u, /\s+/]) {
    const parts = text.split(separator).filter(Boolean);
    if (parts.length > 1) return parts.flatMap((p) => pieces(p, max));
  }
  const out: string[] = [];
  for (let i = 0; i < text.length; i += max) out.push(text.slice(i, i + max));
  return out;
}

/** The end of `text`, at most `chars` long, starting at a word boundary. */
function tail(text: string, chars: number): string {
  if (chars <= 0 || text.length <= chars) return chars <= 0 ? '' : text;
  const cut = text.slice(-chars);
  const space = cut.search(/\s/);
  return space >= 0 ? cut.slice(space + 1) : cut;
}

function chunkSection(section: DocumentSection, opts: ChunkingOptions): string[] {
  const text = normalise(section.text);
  if (!text) return [];
  // Room for the overlap and the space that joins it, so no chunk exceeds maxChars.
  const budget = Math.max(1, opts.maxChars - opts.overlapChars - 1);
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces(text, budget)) {
    const joined = current ? `${current}${/\n$/.test(current) ? '' : ' '}${piece}` : piece;
    if (joined.length <= opts.maxChars || !current) {
      current = joined;
      continue;
    }
    chunks.push(current);
    const overlap = tail(current, opts.overlapChars);
    current = overlap ? `${overlap} ${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Cuts a document into passages by heading section, each at most `maxChars`, with overlap inside
 * long sections so a sentence cut at a boundary is still whole in one of the two chunks.
 * A chunk never spans two sections, so its heading path, anchor and page are exact.
 */
export function chunkDocument(doc: ExtractedDocument, opts: ChunkingOptions = DEFAULT_CHUNKING): ChunkDraft[] {
  if (opts.overlapChars >= opts.maxChars) throw new Error('overlapChars must be smaller than maxChars');
  const language = doc.language || detectLanguage(doc.sections.map((s) => s.text).join('\n').slice(0, 4000));
  const base = doc.url.replace(/#.*$/, '');
  return doc.sections.flatMap((section) =>
    chunkSection(section, opts).map((text) => ({
      url: section.anchor ? `${base}#${encodeURIComponent(section.anchor)}` : base,
      title: doc.title,
      headingPath: section.headingPath,
      page: section.page ?? null,
      language,
      text,
    })),
  );
}
