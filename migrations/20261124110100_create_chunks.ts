import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('chunks', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('source_id').notNullable().references('sources.id').onDelete('CASCADE');
    t.text('url').notNullable();
    t.text('title').notNullable();
    t.specificType('heading_path', 'text[]').notNullable().defaultTo('{}');
    t.integer('page');
    t.text('language').notNullable();
    t.text('text').notNullable();
    t.integer('position').notNullable();
    // The Postgres text-search configuration the row was indexed with (english, danish, simple…).
    t.specificType('search_config', 'regconfig').notNullable();
    // Title weighs most, then headings, then the body (A > B > C).
    t.specificType('tsv', 'tsvector').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['source_id', 'position']);
  });
  await knex.raw('create index chunks_tsv_gin on chunks using gin (tsv)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('chunks');
}
