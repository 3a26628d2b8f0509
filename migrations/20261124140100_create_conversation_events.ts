import type { Knex } from 'knex';

// The conversation's timeline of status changes: each transition of the state machine is one
// row, written in the same statement batch as the change itself, with who made it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversation_events', (t) => {
    t.bigIncrements('id');
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.integer('episode').notNullable();
    t.text('type').notNullable();
    t.text('from_status').notNullable();
    t.text('to_status').notNullable();
    t.uuid('actor_id').references('users.id').onDelete('SET NULL');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['conversation_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversation_events');
}
