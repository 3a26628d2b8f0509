import type { Knex } from 'knex';

// The table connect-pg-simple expects (its table.sql), owned by our migrations so the app
// never creates tables at request time.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('session', (t) => {
    t.string('sid').primary();
    t.json('sess').notNullable();
    t.timestamp('expire', { precision: 6, useTz: false }).notNullable().index('IDX_session_expire');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('session');
}
