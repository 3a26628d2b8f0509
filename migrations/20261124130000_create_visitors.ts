import type { Knex } from 'knex';

// The people who chat through the widget. A visitor is anonymous until they give an email;
// their token is signed, not stored, so only the id lives here.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('visitors', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('email');
    t.text('name');
    t.text('language');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['email']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('visitors');
}
