import type { Knex } from 'knex';

// What each sync read from a source: one row per page or file, with the validators and content
// hash that let the next sync skip what has not changed.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('source_id').notNullable().references('sources.id').onDelete('CASCADE');
    t.text('url').notNullable();
    t.text('title').notNullable();
    t.text('etag');
    t.text('last_modified');
    t.text('content_hash').notNullable();
    t.timestamp('fetched_at', { useTz: true }).notNullable();
    t.unique(['source_id', 'url']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('documents');
}
