import type { Knex } from 'knex';

// Ingestion work and its progress. A queued run is work to do; a running run whose heartbeat
// stopped belongs to a process that died, and is picked up again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sync_runs', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('source_id').notNullable().references('sources.id').onDelete('CASCADE');
    t.text('status').notNullable().defaultTo('queued').checkIn(['queued', 'running', 'succeeded', 'failed']);
    t.text('trigger').notNullable().defaultTo('manual').checkIn(['manual', 'schedule', 'created']);
    t.integer('found').notNullable().defaultTo(0);
    t.integer('fetched').notNullable().defaultTo(0);
    t.integer('indexed').notNullable().defaultTo(0);
    t.integer('unchanged').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    // The first failures with their reasons, capped so a broken site cannot bloat the row.
    t.jsonb('failures').notNullable().defaultTo('[]');
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('started_at', { useTz: true });
    t.timestamp('heartbeat_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.index(['status', 'created_at']);
    t.index(['source_id', 'created_at']);
  });
  // At most one queued or running sync per source.
  await knex.raw("create unique index sync_runs_one_active on sync_runs (source_id) where status in ('queued', 'running')");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sync_runs');
}
