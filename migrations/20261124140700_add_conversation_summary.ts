import type { Knex } from 'knex';

// The LLM's handoff summary for the agent, written in the background after a handoff.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('conversations', (t) => {
    t.text('summary');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('conversations', (t) => {
    t.dropColumn('summary');
  });
}
