import type { Knex } from 'knex';

/**
 * Sites that loaded the widget without being allowed, so the admin can see them ("Seen on
 * https://shop.example: not allowed. Allow?"). Kept small: the service stores at most 50.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('widget_origins_seen', (t) => {
    t.text('origin').primary();
    t.timestamp('first_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('widget_origins_seen');
}
