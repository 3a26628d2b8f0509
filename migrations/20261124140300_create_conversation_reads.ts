import type { Knex } from 'knex';

// When each agent last read each conversation (for unread counts), and who is looking at one
// right now (a heartbeat every few seconds; a row older than a minute is someone who left).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversation_reads', (t) => {
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('conversations.id').onDelete('CASCADE');
    t.timestamp('read_at', { useTz: true }).notNullable();
    t.timestamp('viewing_at', { useTz: true });
    t.primary(['user_id', 'conversation_id']);
    t.index(['conversation_id', 'viewing_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversation_reads');
}
