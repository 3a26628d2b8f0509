import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sources', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('kind').notNullable().checkIn(['website', 'file', 'snippet']);
    t.text('name').notNullable();
    // Kind-specific settings (start URL, caps, patterns; file name; snippet question/answer).
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.text('status').notNullable().defaultTo('idle').checkIn(['idle', 'queued', 'syncing', 'failed']);
    t.timestamp('last_synced_at', { useTz: true });
    t.text('last_error');
    t.timestamps(true, true);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sources');
}
