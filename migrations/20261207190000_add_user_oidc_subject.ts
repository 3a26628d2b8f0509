import type { Knex } from 'knex';

/**
 * The single sign-on identity a teammate is linked to: "<issuer> <sub>", the one thing an OpenID
 * provider promises never to reassign (an email address can change hands). Unique, so one
 * identity is one teammate.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.text('oidc_subject').unique();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('oidc_subject');
  });
}
