import type { Knex } from 'knex';

// The uploaded file behind a file source, kept so it can be read again (re-index, a new parser).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('source_files', (t) => {
    t.uuid('source_id').primary().references('sources.id').onDelete('CASCADE');
    t.text('filename').notNullable();
    t.text('content_type');
    t.integer('size').notNullable();
    t.binary('data').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('source_files');
}
