import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('purpose').notNullable().checkIn(['invite', 'password_reset']);
    // SHA-256 of the token in the link; the token itself is never stored.
    t.text('token_hash').notNullable().unique();
    t.text('email').notNullable();
    t.text('role').checkIn(['admin', 'agent']);
    t.uuid('user_id').references('users.id').onDelete('CASCADE');
    t.uuid('invited_by_id').references('users.id').onDelete('SET NULL');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['purpose', 'email']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_tokens');
}
