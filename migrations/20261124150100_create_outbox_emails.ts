import type { Knex } from 'knex';

// The transactional outbox: every email Baton sends is first a row here, written in the same
// transaction as what caused it, then sent by the dispatcher job with retries. `key` makes a
// cause produce one email however often it happens (conversation, kind, message).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox_emails', (t) => {
    t.bigIncrements('id');
    t.text('key').notNullable().unique();
    t.text('kind').notNullable();
    t.uuid('conversation_id').references('id').inTable('conversations').onDelete('CASCADE');
    t.text('to_address').notNullable();
    t.text('subject').notNullable();
    t.text('template').notNullable();
    t.jsonb('data').notNullable();
    t.text('reply_to');
    // held (a reply waiting to be batched), pending, sending, sent, failed, merged, skipped.
    t.text('status').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_until', { useTz: true });
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.index(['status', 'next_attempt_at']);
    t.index(['conversation_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox_emails');
}
