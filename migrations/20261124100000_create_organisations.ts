import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // One Baton, one organisation: the unique constant column makes a second row impossible.
    t.boolean('singleton').notNullable().defaultTo(true).unique();
    t.text('name').notNullable();
    t.text('time_zone').notNullable();
    t.timestamps(true, true);
  });
  await knex.raw('alter table organisations add constraint organisations_singleton_true check (singleton)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisations');
}
