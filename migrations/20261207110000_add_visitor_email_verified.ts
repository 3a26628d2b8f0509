import type { Knex } from 'knex';

/** When the visitor's email was vouched for by the site (Baton.identify with a valid hash). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('visitors', (t) => {
    t.timestamp('email_verified_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('visitors', (t) => t.dropColumn('email_verified_at'));
}
