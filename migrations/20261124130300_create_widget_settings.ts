import type { Knex } from 'knex';

// How the widget looks and where it may be embedded. One row; absent until first saved.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('widget_settings', (t) => {
    t.boolean('id').primary().defaultTo(true).checkIn(['true']);
    t.specificType('allowed_origins', 'text[]').notNullable().defaultTo('{}');
    t.text('colour').notNullable();
    t.text('greeting').notNullable().defaultTo('');
    t.text('position').notNullable().checkIn(['right', 'left']);
    t.text('language').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('widget_settings');
}
