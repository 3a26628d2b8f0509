import { detectLanguage } from '../../lib/language.js';
import { announces, isListItem } from '../../lib/text-structure.js';
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

// Control characters other than tab and newline: no text shows them, and Postgres cannot store a
// NUL. A page or file that holds one is read without it, instead of failing its whole sync.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as it may be stored: without control characters (tab, newline and CR kept). */
export const withoutControlCharacters = (text: string) => text.replace(CONTROL, '');

const normalise = (text: string) =>
  withoutControlCharacters(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Paragraphs, with the ones that belong together joined (when they fit in max): a paragraph that
 * announces what follows ("Here's how:") with the next one and the list after it, and the items
 * of a list with each other, so a chunk boundary never falls between a step and its steps.
 */
function paragraphs(text: string, max: number): string[] {
  const out: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length) out.push(group.join('\n\n'));
    group = [];
  };
  for (const paragraph of text.split(/\n\n/).filter(Boolean)) {
    const last = group[group.length - 1];
    const belongs = last !== undefined && (announces(last) || (isListItem(paragraph) && (isListItem(last) || group.some((p) => announces(p)))));
    if (!belongs || [...group, paragraph].join('\n\n').length > max) flush();
    group.push(paragraph);
  }
  flush();
  return out;
}

/** A piece of a section, and whether a paragraph break comes before it (else a space). */
interface Piece {
  text: string;
  paragraph: boolean;
}

/** Splits text into pieces no longer than max: by paragraph, then sentence, then word, then hard. */
function pieces(text: string, max: number, paragraph = false): Piece[] {
  if (text.length <= max) return [{ text, paragraph }];
  const grouped = paragraphs(text, max);
  if (grouped.length > 1) return grouped.flatMap((p, i) => pieces(p, max, i ? true : paragraph));
  for (const [separator, breaks] of [[/\n\n/, true], [/(?<=[.!?…])\s+/u, false], [/\s+/, false]] as const) {
    const parts = text.split(separator).filter(Boolean);
    if (parts.length > 1) return parts.flatMap((p, i) => pieces(p, max, i ? breaks : paragraph));
  }
  const out: Piece[] = [];
  for (let i = 0; i < text.length; i += max) out.push({ text: text.slice(i, i + max), paragraph: i ? false : paragraph });
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
  // Room for the overlap and the paragraph break that joins it, so no chunk exceeds maxChars.
  const budget = Math.max(1, opts.maxChars - opts.overlapChars - 2);
  const chunks: string[] = [];
  let current = '';
  // Paragraphs stay paragraphs (list items stay on lines of their own); sentences join with a space.
  const join = (before: string, piece: Piece) => (before ? `${before}${/\n$/.test(before) ? '' : piece.paragraph ? '\n\n' : ' '}${piece.text}` : piece.text);
  for (const piece of pieces(text, budget)) {
    const joined = join(current, piece);
    if (joined.length <= opts.maxChars || !current) {
      current = joined;
      continue;
    }
    chunks.push(current);
    current = join(tail(current, opts.overlapChars), piece);
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
      url: section.anchor ? `${base}#${encodeURIComponent(withoutControlCharacters(section.anchor))}` : base,
      title: withoutControlCharacters(doc.title),
      headingPath: section.headingPath.map(withoutControlCharacters),
      page: section.page ?? null,
      language,
      text,
    })),
  );
}
