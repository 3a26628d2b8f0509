import type { Knex } from 'knex';

/**
 * Personal access tokens for the team API: made on the account page, shown once, kept only as a
 * SHA-256 hash (they are long random strings, so a fast hash is enough), scoped read / write /
 * admin, with when each was last used. A revoked token stays listed, marked, for the record.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('personal_access_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('scope').notNullable();
    t.text('token_hash').notNullable().unique();
    // The start of the token, to recognise it in the list.
    t.text('prefix').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.index(['user_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('personal_access_tokens');
}
