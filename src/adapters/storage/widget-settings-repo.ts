import type { WidgetSettings } from '../../services/widget/types.js';
import type { WidgetSettingsRepo as Port } from '../../services/ports.js';
import type { Conn } from './db.js';

interface WidgetSettingsRow {
  allowed_origins: string[];
  colour: string;
  greeting: string;
  position: WidgetSettings['position'];
  language: WidgetSettings['language'];
}

const toSettings = (r: WidgetSettingsRow): WidgetSettings => ({ allowedOrigins: r.allowed_origins, colour: r.colour, greeting: r.greeting, position: r.position, language: r.language });

export class WidgetSettingsRepo implements Port {
  constructor(private readonly db: Conn) {}

  async get() {
    const row = await this.db<WidgetSettingsRow>('widget_settings').first();
    return row ? toSettings(row) : undefined;
  }

  async noteSeen(origin: string, at: Date, max: number) {
    // Known: its time is updated. New: stored only while fewer than `max` are kept.
    await this.db.raw(
      `insert into widget_origins_seen (origin, first_seen_at, last_seen_at)
       select :origin, :at, :at where exists (select 1 from widget_origins_seen where origin = :origin) or (select count(*) from widget_origins_seen) < :max
       on conflict (origin) do update set last_seen_at = excluded.last_seen_at`,
      { origin, at, max },
    );
  }

  async seen() {
    const rows = (await this.db('widget_origins_seen').orderBy('last_seen_at', 'desc').select('origin', 'last_seen_at')) as { origin: string; last_seen_at: Date }[];
    return rows.map((r) => ({ origin: r.origin, lastSeenAt: r.last_seen_at }));
  }

  async forgetSeen(origin: string) {
    await this.db('widget_origins_seen').where({ origin }).delete();
  }

  async save(s: WidgetSettings) {
    const row = { id: true, allowed_origins: s.allowedOrigins, colour: s.colour, greeting: s.greeting, position: s.position, language: s.language, updated_at: this.db.fn.now() };
    const [saved] = (await this.db('widget_settings').insert(row).onConflict('id').merge().returning('*')) as WidgetSettingsRow[];
    return toSettings(saved!);
  }
}
