import type { Knex } from 'knex';
import { indexTermsOf } from '../src/services/knowledge/ranking.js';

/**
 * Each chunk's index terms as Baton's ranking reads them (Snowball stems), as a tsvector made
 * from the terms themselves (array_to_tsvector: no parser, no dictionary), so Postgres finds
 * candidates by exactly the terms they are ranked by. Its own parser keeps paths, URLs and
 * versions whole and stems slightly differently, and the right passage then never reached the
 * pool. A tsvector, not a text[]: `@@` searches its sorted lexemes, several times faster per row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('chunks', (t) => {
    t.specificType('terms', 'tsvector').notNullable().defaultTo('');
  });
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await knex('chunks').select('id', 'title', 'heading_path', 'language', 'text').where('id', '>', after).orderBy('id').limit(500)) as {
      id: string;
      title: string;
      heading_path: string[];
      language: string;
      text: string;
    }[];
    if (!rows.length) break;
    for (const r of rows) await knex('chunks').where({ id: r.id }).update({ terms: knex.raw('array_to_tsvector(?::text[])', [indexTermsOf({ title: r.title, headingPath: r.heading_path, language: r.language, text: r.text })]) });
    after = rows[rows.length - 1]!.id;
  }
  await knex.raw('create index chunks_terms_gin on chunks using gin (terms)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists chunks_terms_gin');
  await knex.schema.alterTable('chunks', (t) => t.dropColumn('terms'));
}
