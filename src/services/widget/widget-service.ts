import { ValidationError } from '../errors.js';
import { changes, type Authority } from '../audit/authority.js';
import type { AuditActor } from '../audit/types.js';
import type { WidgetSettingsRepo } from '../ports.js';
import { DEFAULT_WIDGET_SETTINGS, isWidgetLanguage, type WidgetSettings } from './types.js';
import { httpUrl } from '../../lib/urls.js';

export interface WidgetSettingsInput {
  allowedOrigins: string;
  colour: string;
  greeting: string;
  position: string;
  language: string;
}

const MAX_GREETING = 300;
const MAX_ORIGINS = 50;
/** Sites seen loading the widget without being allowed, kept for the admin. */
const MAX_SEEN = 50;

/** scheme://host[:port] of an http(s) address, or undefined when it is not one. */
export function originOf(value: string): string | undefined {
  return httpUrl(value)?.origin;
}

/** The widget's look and the sites allowed to embed it. */
export class WidgetService {
  constructor(private readonly deps: { settings: WidgetSettingsRepo; authority: Pick<Authority, 'perform'> }) {}

  async settings(): Promise<WidgetSettings> {
    return (await this.deps.settings.get()) ?? DEFAULT_WIDGET_SETTINGS;
  }

  async save(actor: AuditActor, input: WidgetSettingsInput): Promise<WidgetSettings> {
    const before = await this.settings();
    return this.deps.authority.perform(actor, 'settings.changed', () => this.#save(input), (after) => ({ target: 'Widget', details: changes(before, after) }));
  }

  async #save(input: WidgetSettingsInput): Promise<WidgetSettings> {
    const fields: Record<string, string> = {};
    const origins: string[] = [];
    for (const line of input.allowedOrigins.split(/[\s,]+/).filter(Boolean)) {
      const origin = originOf(line);
      // A path is fine (people paste page URLs), anything but http(s) is not.
      if (!origin) fields.allowedOrigins = `"${line.slice(0, 80)}" is not a site address. Write one per line, like https://www.example.com`;
      else if (!origins.includes(origin)) origins.push(origin);
    }
    if (origins.length > MAX_ORIGINS) fields.allowedOrigins = `At most ${MAX_ORIGINS} sites.`;
    const colour = input.colour.trim().toLowerCase();
    if (!/^#[0-9a-f]{6}$/.test(colour)) fields.colour = 'Pick a colour, written as #rrggbb.';
    const greeting = input.greeting.trim();
    if (greeting.length > MAX_GREETING) fields.greeting = `At most ${MAX_GREETING} characters.`;
    if (input.position !== 'right' && input.position !== 'left') fields.position = 'Choose right or left.';
    if (input.language !== 'auto' && !isWidgetLanguage(input.language)) fields.language = 'Choose a language.';
    if (Object.keys(fields).length) throw new ValidationError('Some settings need fixing.', fields);
    return this.deps.settings.save({
      allowedOrigins: origins,
      colour,
      greeting,
      position: input.position as WidgetSettings['position'],
      language: input.language as WidgetSettings['language'],
    });
  }

  /**
   * A site loaded the widget (its page's origin, from the request for widget.js). When it is not
   * allowed, it is noted for the admin; at most once a minute per site and process, so page
   * views cost no database write each.
   */
  async noteLoadedOn(origin: string, ownOrigins: string[]): Promise<void> {
    if (ownOrigins.includes(origin) || origin.length > 200 || !originOf(origin) || originOf(origin) !== origin) return;
    const now = Date.now();
    if ((this.#noted.get(origin) ?? 0) > now - 60_000) return;
    if (this.#noted.size > 1000) this.#noted.clear();
    this.#noted.set(origin, now);
    if ((await this.settings()).allowedOrigins.includes(origin)) return;
    await this.deps.settings.noteSeen(origin, new Date(now), MAX_SEEN);
  }

  readonly #noted = new Map<string, number>();

  /** Sites that loaded the widget and are not allowed (yet), newest first. */
  async seenNotAllowed(): Promise<{ origin: string; lastSeenAt: Date }[]> {
    const allowed = new Set((await this.settings()).allowedOrigins);
    return (await this.deps.settings.seen()).filter((s) => !allowed.has(s.origin));
  }

  /** The admin's "Allow" beside a site that was seen. */
  async allow(actor: AuditActor, origin: string): Promise<WidgetSettings> {
    const clean = originOf(origin);
    if (!clean) throw new ValidationError('That is not a site address.');
    const s = await this.settings();
    if (s.allowedOrigins.includes(clean)) return s;
    const saved = await this.save(actor, { allowedOrigins: [...s.allowedOrigins, clean].join('\n'), colour: s.colour, greeting: s.greeting, position: s.position, language: s.language });
    await this.deps.settings.forgetSeen(clean);
    return saved;
  }

  /** Whether a browser request from `origin` may use the visitor API (Baton's own pages always may). */
  async allowsOrigin(origin: string, ownOrigins: string[]): Promise<boolean> {
    if (ownOrigins.includes(origin)) return true;
    return (await this.settings()).allowedOrigins.includes(origin);
  }
}
