import type { Knex } from 'knex';

// What the follow-up by email needs about a visitor: when they agreed to be emailed (the consent
// line they saw), and their time zone, so "we're back at 09:00" is said in their own time.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('visitors', (t) => {
    t.timestamp('email_consent_at', { useTz: true });
    t.text('time_zone');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('visitors', (t) => {
    t.dropColumn('email_consent_at');
    t.dropColumn('time_zone');
  });
}
