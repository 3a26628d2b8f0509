import type { Knex } from 'knex';

// How long Baton keeps what visitors leave behind, one row. A null number of days keeps that data
// until someone deletes it (the default: nothing is deleted on an upgrade that nobody asked for).
// `llm_history` false sends the LLM the visitor's current question only, never earlier turns.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('privacy_settings', (t) => {
    t.boolean('id').primary().defaultTo(true).checkIn(['true']);
    t.integer('conversation_days');
    t.integer('visitor_data_days');
    t.integer('email_record_days');
    t.boolean('llm_history').notNullable().defaultTo(true);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // Retention reads conversations by their last message (conversations_recent) and these.
  await knex.raw('create index visitors_last_seen on visitors (last_seen_at)');
  await knex.raw('create index outbox_emails_created on outbox_emails (created_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists outbox_emails_created');
  await knex.raw('drop index if exists visitors_last_seen');
  await knex.schema.dropTable('privacy_settings');
}
