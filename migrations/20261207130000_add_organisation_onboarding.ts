import type { Knex } from 'knex';

/**
 * The public address the wizard asks for (BASE_URL still wins when set), and when someone first
 * tried a question in Knowledge: two ticks of the getting-started checklist on Home.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('organisations', (t) => {
    t.text('public_url');
    t.timestamp('tried_question_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('organisations', (t) => {
    t.dropColumn('public_url');
    t.dropColumn('tried_question_at');
  });
}
