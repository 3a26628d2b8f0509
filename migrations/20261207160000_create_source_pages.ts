import type { Knex } from 'knex';

/**
 * What the last sync made of every URL of a website (indexed, unchanged, skipped and why, failed
 * and why), listed on the source's Pages tab with "exclude" and "re-read". The sync's counters
 * gain the skip reasons and the URLs the page limit left unread, so they add up to "found".
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('source_pages', (t) => {
    t.uuid('source_id').notNullable().references('sources.id').onDelete('CASCADE');
    t.text('url').notNullable();
    t.text('status').notNullable();
    t.text('reason');
    t.text('title');
    t.timestamp('checked_at', { useTz: true }).notNullable();
    t.primary(['source_id', 'url']);
    t.index(['source_id', 'status']);
  });
  await knex.schema.alterTable('sync_runs', (t) => {
    t.jsonb('skipped').notNullable().defaultTo('{}');
    t.integer('not_reached').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sync_runs', (t) => {
    t.dropColumn('skipped');
    t.dropColumn('not_reached');
  });
  await knex.schema.dropTable('source_pages');
}
