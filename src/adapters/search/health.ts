import { Meilisearch } from 'meilisearch';
import type { HealthCheck } from '../../services/ports.js';

/** Meilisearch's /health, through its client. */
export function meilisearchHealth(settings: { url: string; apiKey?: string }): HealthCheck {
  const client = new Meilisearch({ host: settings.url, apiKey: settings.apiKey, timeout: 5_000 });
  return {
    name: 'search',
    check: async () => {
      try {
        const { status } = await client.health();
        return status === 'available' ? { ok: true, detail: `meilisearch at ${settings.url}` } : { ok: false, reason: `meilisearch reports ${status}` };
      } catch (e) {
        return { ok: false, reason: `meilisearch at ${settings.url}: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
  };
}

/** Without MEILI_URL, search is Postgres full-text search: ready whenever the database is. */
export function postgresSearchHealth(database: HealthCheck): HealthCheck {
  return {
    name: 'search',
    check: async () => {
      const db = await database.check();
      return db.ok ? { ok: true, detail: 'postgres full-text search' } : { ok: false, reason: `postgres full-text search: ${db.reason}` };
    },
  };
}
