import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // Stored lower-cased by the service; the unique index makes the rule hold under races too.
    t.text('email').notNullable().unique();
    t.text('name').notNullable();
    t.text('role').notNullable().checkIn(['admin', 'agent']);
    t.text('password_hash').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_login_at', { useTz: true });
    t.timestamps(true, true);
  });
  await knex.raw("alter table users add constraint users_email_lower check (email = lower(email))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
