import type { Knex } from 'knex';

/**
 * Second-factor attempts counted apart from password failures: a password reset clears those,
 * and must not buy fresh code guesses. Claimed atomically before each code is checked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_two_factor', (t) => {
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_two_factor', (t) => {
    t.dropColumn('attempts');
    t.dropColumn('locked_until');
  });
}
