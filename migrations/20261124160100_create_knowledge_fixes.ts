import type { Knex } from 'knex';

// An agent's answer saved as knowledge to close a gap: the snippet it became, the question it
// answers (with its stemmed words, to recognise the same question asked again), and the reply it
// came from. The insights page reads these to mark topics addressed and to see them come back.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('knowledge_fixes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('source_id').references('sources.id').onDelete('SET NULL');
    t.text('question').notNullable();
    t.specificType('terms', 'text[]').notNullable().defaultTo('{}');
    t.uuid('conversation_id').references('conversations.id').onDelete('SET NULL');
    t.uuid('message_id').references('messages.id').onDelete('SET NULL');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
  });
  // Escalations are read by period: the handoff events of a time range.
  await knex.raw("create index conversation_events_handoffs on conversation_events (created_at) where type = 'hand_off'");
  // Metrics count conversations by the day they started.
  await knex.raw('create index conversations_created on conversations (created_at)');
  await knex.schema.alterTable('users', (t) => {
    // Admins get the weekly digest unless they turn it off on their account page.
    t.boolean('weekly_digest').notNullable().defaultTo(true);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => t.dropColumn('weekly_digest'));
  await knex.raw('drop index if exists conversation_events_handoffs');
  await knex.raw('drop index if exists conversations_created');
  await knex.schema.dropTable('knowledge_fixes');
}
