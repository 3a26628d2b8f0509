import path from 'node:path';

/**
 * Which documents Baton reads, by name or type: checked by the app before an upload is stored,
 * without loading the readers themselves (files.ts, which runs in the parse workers).
 */
export type FileKind = 'pdf' | 'docx' | 'markdown' | 'text' | 'html';

const EXTENSIONS: Record<string, FileKind> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
};
const TYPES: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

export const SUPPORTED_FILES = 'PDF, Word (.docx), Markdown (.md), text (.txt) or HTML';

export function fileKind(filename: string, contentType?: string): FileKind | undefined {
  return EXTENSIONS[path.extname(filename).toLowerCase()] ?? (contentType ? TYPES[contentType.split(';')[0]!.trim().toLowerCase()] : undefined);
}
