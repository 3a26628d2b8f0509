import type { SourceFileRepo, StoredFile } from '../../services/ports.js';
import type { Conn } from './db.js';

export class SourceFilesRepo implements SourceFileRepo {
  constructor(private readonly db: Conn) {}

  async save(sourceId: string, file: StoredFile) {
    await this.db('source_files')
      .insert({ source_id: sourceId, filename: file.filename, content_type: file.contentType ?? null, size: file.data.length, data: file.data })
      .onConflict('source_id')
      .merge();
  }

  async get(sourceId: string) {
    const row = (await this.db('source_files').where({ source_id: sourceId }).first()) as { filename: string; content_type: string | null; data: Buffer } | undefined;
    return row ? { filename: row.filename, contentType: row.content_type ?? undefined, data: row.data } : undefined;
  }
}
