import type { Knex } from 'knex';

// Support hours and what visitors are promised, one row. The time zone is the organisation's.
// Absent values mean Baton's defaults (weekdays 09:00–17:00, no closures).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('availability_settings', (t) => {
    t.boolean('id').primary().defaultTo(true).checkIn(['true']);
    t.jsonb('weekly');
    t.jsonb('closures');
    t.jsonb('promises');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('availability_settings');
}
