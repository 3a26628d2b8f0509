import type { Knex } from 'knex';
import type { CannedResponse } from '../../services/conversations/types.js';
import type { CannedResponseRepo } from '../../services/ports.js';
import { isUuid } from './db.js';

export class CannedResponsesRepo implements CannedResponseRepo {
  constructor(private readonly db: Knex) {}

  async list() {
    return (await this.db('canned_responses').orderBy('shortcut').select('id', 'shortcut', 'text')) as CannedResponse[];
  }

  async upsert(r: { shortcut: string; text: string; createdBy: string }) {
    const [row] = (await this.db('canned_responses')
      .insert({ shortcut: r.shortcut, text: r.text, created_by: r.createdBy })
      .onConflict('shortcut')
      .merge({ text: r.text, updated_at: this.db.fn.now() })
      .returning(['id', 'shortcut', 'text'])) as CannedResponse[];
    return row!;
  }

  async delete(id: string) {
    if (!isUuid(id)) return false;
    return (await this.db('canned_responses').where({ id }).delete()) > 0;
  }
}
