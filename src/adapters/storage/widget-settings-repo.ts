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

  async save(s: WidgetSettings) {
    const row = { id: true, allowed_origins: s.allowedOrigins, colour: s.colour, greeting: s.greeting, position: s.position, language: s.language, updated_at: this.db.fn.now() };
    const [saved] = (await this.db('widget_settings').insert(row).onConflict('id').merge().returning('*')) as WidgetSettingsRow[];
    return toSettings(saved!);
  }
}
