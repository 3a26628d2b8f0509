import type { Knex } from 'knex';

/**
 * Two-factor sign-in (TOTP): each teammate's secret, encrypted with a key derived from the
 * session secret, the last time step used (a code works once), and the SHA-256 of each unused
 * recovery code. users.two_factor_at says it is on without reading the secret; the organisation
 * can require it of everyone.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_two_factor', (t) => {
    t.uuid('user_id').primary().references('id').inTable('users').onDelete('CASCADE');
    t.text('secret').notNullable();
    t.bigInteger('last_step').notNullable().defaultTo(0);
    t.specificType('recovery_codes', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('users', (t) => t.timestamp('two_factor_at', { useTz: true }));
  await knex.schema.alterTable('organisations', (t) => t.boolean('require_two_factor').notNullable().defaultTo(false));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('organisations', (t) => t.dropColumn('require_two_factor'));
  await knex.schema.alterTable('users', (t) => t.dropColumn('two_factor_at'));
  await knex.schema.dropTable('user_two_factor');
}
