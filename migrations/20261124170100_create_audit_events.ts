import type { Knex } from 'knex';

// Who did what to the organisation's data and settings: sign-ins, role changes, settings changes,
// exports, erasures and purges. Rows are only ever added. The actor's email is copied in, so the
// trail still reads after the account is gone; a visitor's address is never stored here.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id');
    t.text('action').notNullable();
    t.uuid('actor_id').references('users.id').onDelete('SET NULL');
    // "ada@example.com", "cli" or "system" (a scheduled job).
    t.text('actor').notNullable();
    t.text('ip');
    t.text('target');
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
    t.index(['action', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_events');
}
