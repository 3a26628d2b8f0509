import type { StoredDocument } from '../../services/knowledge/types.js';
import type { DocumentRepo } from '../../services/ports.js';
import type { Conn } from './db.js';

interface DocumentRow {
  url: string;
  title: string;
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
}

export class DocumentsRepo implements DocumentRepo {
  constructor(private readonly db: Conn) {}

  async listForSource(sourceId: string): Promise<StoredDocument[]> {
    const rows = (await this.db('documents').select('url', 'title', 'etag', 'last_modified', 'content_hash').where({ source_id: sourceId }).orderBy('url')) as DocumentRow[];
    return rows.map((r) => ({ url: r.url, title: r.title, etag: r.etag, lastModified: r.last_modified, contentHash: r.content_hash }));
  }

  async replaceForSource(sourceId: string, documents: (StoredDocument & { fetchedAt: Date })[]) {
    await this.db.transaction(async (trx) => {
      await trx('documents').where({ source_id: sourceId }).delete();
      for (let i = 0; i < documents.length; i += 500) {
        await trx('documents').insert(
          documents.slice(i, i + 500).map((d) => ({ source_id: sourceId, url: d.url, title: d.title, etag: d.etag, last_modified: d.lastModified, content_hash: d.contentHash, fetched_at: d.fetchedAt })),
        );
      }
    });
  }
}
