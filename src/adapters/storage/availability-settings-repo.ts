import type { Knex } from 'knex';
import type { Closure, Interval } from '../../services/availability/hours.js';
import type { PromiseSettings } from '../../services/availability/types.js';
import type { AvailabilitySettingsRepo as Port } from '../../services/ports.js';

interface Row {
  weekly: Interval[][] | null;
  closures: Closure[] | null;
  promises: Partial<PromiseSettings> | null;
}

export class AvailabilitySettingsRepo implements Port {
  constructor(private readonly db: Knex) {}

  async get() {
    const row = (await this.db('availability_settings').first('weekly', 'closures', 'promises')) as Row | undefined;
    return { weekly: row?.weekly ?? undefined, closures: row?.closures ?? undefined, promises: row?.promises ?? undefined };
  }

  async save(patch: { weekly?: Interval[][]; closures?: Closure[]; promises?: PromiseSettings }) {
    const values: Record<string, unknown> = { id: true, updated_at: this.db.fn.now() };
    if (patch.weekly) values.weekly = JSON.stringify(patch.weekly);
    if (patch.closures) values.closures = JSON.stringify(patch.closures);
    if (patch.promises) values.promises = JSON.stringify(patch.promises);
    await this.db('availability_settings').insert(values).onConflict('id').merge();
  }
}
