import type { Knex } from 'knex';

// Whether each agent is around: the status they chose (online or away), when their open inbox
// last sent a heartbeat, and when they last did something in it (for automatic away).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('agent_presence', (t) => {
    t.uuid('user_id').primary().references('users.id').onDelete('CASCADE');
    t.text('status').notNullable().defaultTo('online').checkIn(['online', 'away']);
    t.timestamp('heartbeat_at', { useTz: true }).notNullable();
    t.timestamp('active_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('agent_presence');
}
