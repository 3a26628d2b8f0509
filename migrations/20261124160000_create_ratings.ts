import type { Knex } from 'knex';

// What visitors think: each AI answer rated helpful or not (one rating per answer, which the
// visitor may change), and the conversation rated 1–5 when the team resolves it (one per
// episode). Both feed the insights metrics; unhelpful ratings also feed the handoff triggers.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('answer_ratings', (t) => {
    t.uuid('message_id').primary().references('messages.id').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.integer('episode').notNullable();
    t.boolean('helpful').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['conversation_id', 'episode']);
    t.index(['updated_at']);
  });
  await knex.schema.createTable('conversation_ratings', (t) => {
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.integer('episode').notNullable();
    t.integer('score').notNullable().checkBetween([1, 5]);
    t.text('comment');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['conversation_id', 'episode']);
    t.index(['updated_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversation_ratings');
  await knex.schema.dropTable('answer_ratings');
}
