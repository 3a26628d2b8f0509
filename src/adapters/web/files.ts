import path from 'node:path';
import { ZIP_LIMITS, zipProblem } from './zip-check.js';
export { ZIP_LIMITS };
import mammoth from 'mammoth';
import { marked } from 'marked';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import type { DocumentSection, ExtractedDocument } from '../../services/knowledge/types.js';
import type { FileInput } from '../../services/ports.js';
import { htmlContentSections, parseHtmlPage } from './html.js';

/**
 * Documents to ExtractedDocument: PDF (a section per page, page numbers kept), Word .docx and
 * Markdown (sections at their headings), plain text, and HTML. Every refusal is an Error whose
 * message tells the admin what is wrong with the file and what to do.
 */

import { fileKind, SUPPORTED_FILES } from './file-kinds.js';
export { fileKind, SUPPORTED_FILES, type FileKind } from './file-kinds.js';

function text(data: Buffer, filename: string): string {
  // A NUL byte does not occur in text: this is a binary file with a text-like name.
  if (data.includes(0)) throw new Error(`${filename} is not a text file.`);
  return data.toString('utf8').replace(/^\uFEFF/, '');
}

async function readPdf(data: Buffer, filename: string): Promise<{ title?: string; sections: DocumentSection[] }> {
  if (data.subarray(0, 1024).indexOf('%PDF') < 0) throw new Error(`${filename} is not a PDF file (it may be damaged, or another kind of file with a .pdf name).`);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(data));
  } catch (e) {
    if ((e as Error).name === 'PasswordException') throw new Error(`${filename} is password protected: save a copy without the password and upload that.`);
    throw new Error(`${filename} could not be read as a PDF (${(e as Error).message.split('.')[0]}): it may be damaged.`);
  }
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const info = (await getMeta(pdf).catch(() => undefined))?.info as { Title?: string } | undefined;
    const sections = pages.map((t, i) => ({ headingPath: [], page: i + 1, text: t.trim() })).filter((s) => s.text);
    return { title: info?.Title?.trim() || undefined, sections };
  } finally {
    // pdf.js 5: the document is freed through the task that loaded it.
    await pdf.loadingTask.destroy();
  }
}

/**
 * Refuses a .docx that would unpack to too much (a "zip bomb") or whose parts are not what its
 * directory says, before the document reader inflates it (see zip-check.ts).
 */
export function checkZip(data: Buffer, filename: string, limits = ZIP_LIMITS): void {
  const problem = zipProblem(data, limits);
  if (!problem) return;
  if ('damaged' in problem) throw new Error(`${filename} could not be read as a Word document (${problem.damaged}): it may be damaged.`);
  throw new Error(`${filename} was not read: ${problem.refused}, more than a document needs (a "zip bomb", or not a real .docx).`);
}

async function readDocx(data: Buffer, filename: string) {
  if (data[0] !== 0x50 || data[1] !== 0x4b) throw new Error(`${filename} is not a Word .docx file (old .doc files are not supported: save it as .docx).`);
  checkZip(data, filename);
  try {
    // Word's Title style becomes the <h1>, and Heading 1-5 step down one level under it, so a
    // document's own title and its sections keep their places.
    const { value } = await mammoth.convertToHtml(
      { buffer: data },
      { styleMap: ["p[style-name='Title'] => h1:fresh", ...[1, 2, 3, 4, 5].map((n) => `p[style-name='Heading ${n}'] => h${n + 1}:fresh`)] },
    );
    return htmlContentSections(value);
  } catch (e) {
    throw new Error(`${filename} could not be read as a Word document (${(e as Error).message.split('\n')[0]}): it may be damaged or password protected.`);
  }
}

/** Reads an uploaded file or a linked PDF. `url` is where citations will point (may be empty). */
export async function readFile(file: FileInput): Promise<ExtractedDocument> {
  const { filename, data } = file;
  const kind = fileKind(filename, file.contentType);
  if (!kind) throw new Error(`${filename}: this kind of file is not supported. Upload ${SUPPORTED_FILES}.`);
  if (!data.length) throw new Error(`${filename} is empty.`);
  const base = path.basename(filename).replace(/\.[^.]+$/, '');
  let title: string | undefined;
  let sections: DocumentSection[];
  let language: string | undefined;
  switch (kind) {
    case 'pdf':
      ({ title, sections } = await readPdf(data, filename));
      if (!sections.length) throw new Error(`${filename} has no text to read: it may be scanned pages (images). Upload a PDF with selectable text.`);
      break;
    case 'docx':
      ({ title, sections } = await readDocx(data, filename));
      break;
    case 'markdown':
      ({ title, sections } = htmlContentSections(await marked.parse(text(data, filename), { async: true })));
      break;
    case 'html': {
      const page = parseHtmlPage(text(data, filename), file.url);
      ({ title, sections, language } = { title: page.document.title === file.url ? undefined : page.document.title, sections: page.document.sections, language: page.document.language });
      break;
    }
    case 'text':
      sections = [{ headingPath: [], text: text(data, filename) }];
      break;
  }
  sections = sections.filter((s) => s.text.trim());
  if (!sections.length) throw new Error(`${filename} has no text to read.`);
  return { url: file.url, title: title || base, ...(language ? { language } : {}), sections };
}
