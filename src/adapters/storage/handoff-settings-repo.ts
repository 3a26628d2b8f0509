import type { Knex } from 'knex';
import type { SensitiveCategory } from '../../services/assistant/triggers/defaults.js';
import type { OperatorRule } from '../../services/assistant/triggers/triggers.js';
import type { HandoffSettingsRepo as Port } from '../../services/ports.js';

interface Row {
  categories: SensitiveCategory[] | null;
  rules: OperatorRule[] | null;
  updated_at: Date;
}

export class HandoffSettingsRepo implements Port {
  constructor(private readonly db: Knex) {}

  async get() {
    const row = (await this.db('handoff_settings').first('categories', 'rules', 'updated_at')) as Row | undefined;
    return { categories: row?.categories ?? undefined, rules: row?.rules ?? undefined, updatedAt: row?.updated_at };
  }

  async updatedAt() {
    const row = (await this.db('handoff_settings').first('updated_at')) as Pick<Row, 'updated_at'> | undefined;
    return row?.updated_at;
  }

  async save(patch: { categories?: SensitiveCategory[]; rules?: OperatorRule[] }) {
    const values: Record<string, unknown> = { id: true, updated_at: this.db.fn.now() };
    if (patch.categories) values.categories = JSON.stringify(patch.categories);
    if (patch.rules) values.rules = JSON.stringify(patch.rules);
    await this.db('handoff_settings').insert(values).onConflict('id').merge();
  }
}
