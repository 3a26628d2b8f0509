import type { Knex } from 'knex';

// Everything said in a conversation. A visitor's message carries the client's id so a retried
// POST stores nothing twice; an assistant reply points at the message it answers, once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.text('author').notNullable().checkIn(['visitor', 'assistant', 'agent', 'system']);
    t.text('text').notNullable();
    t.jsonb('citations').notNullable().defaultTo('[]');
    t.text('client_id');
    t.uuid('reply_to').references('messages.id').onDelete('CASCADE');
    // How an assistant reply was made (llm or extractive), its confidence and handoff wish.
    t.jsonb('meta').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['conversation_id', 'created_at']);
  });
  await knex.raw('create unique index messages_client_id on messages (conversation_id, client_id) where client_id is not null');
  await knex.raw('create unique index messages_one_reply on messages (reply_to) where reply_to is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('messages');
}
