import type { Knex } from 'knex';

// A visitor's thread with the organisation. Status follows bot → queued → assigned → resolved;
// the handoff that moved it out of `bot` is kept with its reason.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('visitor_id').notNullable().references('visitors.id').onDelete('CASCADE');
    t.text('status').notNullable().defaultTo('bot').checkIn(['bot', 'queued', 'assigned', 'resolved']);
    t.text('language');
    t.text('page_url');
    t.jsonb('handoff');
    // LLM tokens spent on this conversation, against the per-conversation budget.
    t.integer('tokens_used').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['visitor_id', 'created_at']);
    t.index(['status', 'updated_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversations');
}
