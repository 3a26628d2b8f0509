import type { Knex } from 'knex';

// Agents write in conversations too: a reply carries its author, a private note or an AI draft
// is internal (never shown to the visitor), and every message belongs to an episode so the AI
// sees only the current one. Messages are searchable from the inbox.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    t.integer('episode').notNullable().defaultTo(1);
    t.uuid('user_id').references('users.id').onDelete('SET NULL');
    t.boolean('internal').notNullable().defaultTo(false);
  });
  // 'simple' keeps every word of every language: visitors write in many.
  await knex.raw("create index messages_search on messages using gin (to_tsvector('simple', text))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists messages_search');
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumns('episode', 'user_id', 'internal');
  });
}
