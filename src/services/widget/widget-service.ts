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

  /** Whether a browser request from `origin` may use the visitor API (Baton's own pages always may). */
  async allowsOrigin(origin: string, ownOrigins: string[]): Promise<boolean> {
    if (ownOrigins.includes(origin)) return true;
    return (await this.settings()).allowedOrigins.includes(origin);
  }
}
