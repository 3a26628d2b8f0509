import type { Knex } from 'knex';

// The operator's handoff settings, one row: the sensitive categories (with their phrases per
// language) and the rules. Absent columns mean Baton's defaults.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('handoff_settings', (t) => {
    t.boolean('id').primary().defaultTo(true).checkIn(['true']);
    t.jsonb('categories');
    t.jsonb('rules');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('handoff_settings');
}
