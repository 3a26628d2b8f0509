import type { Knex } from 'knex';

// Counters for the visitor API's rate limits, shared by every app replica. The shape is the one
// rate-limiter-flexible's Postgres store expects (it is told the table exists).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limits', (t) => {
    t.string('key', 255).primary();
    t.integer('points').notNullable().defaultTo(0);
    t.bigInteger('expire');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limits');
}
