import type { Knex } from 'knex';

// What the inbox needs on each conversation: who has it, which episode it is in (a visitor
// writing after resolution starts a new one), when it was queued, assigned and resolved, and a
// copy of its last message so a queue of thousands lists without touching `messages`.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('conversations', (t) => {
    t.uuid('assigned_to').references('users.id').onDelete('SET NULL');
    t.integer('episode').notNullable().defaultTo(1);
    t.timestamp('queued_at', { useTz: true });
    t.timestamp('assigned_at', { useTz: true });
    t.timestamp('resolved_at', { useTz: true });
    t.timestamp('last_message_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_message_author');
    t.text('last_message_preview');
    // Unread counts compare this with each agent's last read.
    t.timestamp('last_visitor_message_at', { useTz: true });
  });
  await knex.raw('create index conversations_queue on conversations (status, queued_at)');
  await knex.raw('create index conversations_assignee on conversations (assigned_to, status, last_message_at desc)');
  await knex.raw('create index conversations_recent on conversations (last_message_at desc)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists conversations_queue');
  await knex.raw('drop index if exists conversations_assignee');
  await knex.raw('drop index if exists conversations_recent');
  await knex.schema.alterTable('conversations', (t) => {
    t.dropColumns('assigned_to', 'episode', 'queued_at', 'assigned_at', 'resolved_at', 'last_message_at', 'last_message_author', 'last_message_preview', 'last_visitor_message_at');
  });
}
