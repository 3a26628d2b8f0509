import type { Knex } from 'knex';

/**
 * Outgoing integrations: webhook endpoints and Slack / Teams alert channels (one table, by kind),
 * the events that happened (written in the same transaction as their cause, ids only, and only
 * while some endpoint is active), and one delivery per endpoint and event with its payload, its
 * attempts and the receiver's last answer. Deliveries hang off their conversation, so a
 * conversation deleted by retention or erasure takes its payloads with it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('integration_endpoints', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('kind').notNullable();
    t.text('name').notNullable();
    // The URL is sealed (a Slack or Teams URL is its own credential); its origin is kept to show.
    t.text('url_sealed').notNullable();
    t.text('url_origin').notNullable();
    t.text('secret_sealed');
    t.specificType('events', 'text[]').notNullable();
    t.boolean('include_question').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('integration_events', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('type').notNullable();
    t.uuid('conversation_id').references('conversations.id').onDelete('CASCADE');
    t.uuid('message_id').references('messages.id').onDelete('CASCADE');
    t.jsonb('data').notNullable().defaultTo('{}');
    // An event that cannot be fanned out is tried a few times, then set aside (with why).
    t.integer('failures').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
    t.index(['conversation_id']);
    t.index(['message_id']);
  });
  await knex.schema.createTable('integration_deliveries', (t) => {
    t.bigIncrements('id');
    t.uuid('event_id').notNullable();
    t.uuid('endpoint_id').notNullable().references('integration_endpoints.id').onDelete('CASCADE');
    t.uuid('conversation_id').references('conversations.id').onDelete('CASCADE');
    t.text('type').notNullable();
    t.jsonb('payload').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_until', { useTz: true });
    t.integer('last_status');
    t.text('last_response');
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('delivered_at', { useTz: true });
    t.unique(['endpoint_id', 'event_id']);
    t.index(['status', 'next_attempt_at']);
    t.index(['endpoint_id', 'id']);
    t.index(['conversation_id']);
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('integration_deliveries');
  await knex.schema.dropTable('integration_events');
  await knex.schema.dropTable('integration_endpoints');
}
