import { ValidationError } from '../errors.js';
import { changes, type Authority } from '../audit/authority.js';
import type { AuditActor } from '../audit/types.js';
import type { AvailabilitySettingsRepo, Clock, OrganisationRepo } from '../ports.js';
import { isOpen, nextOpening, parseClock, WEEKDAYS, type Closure, type Interval, type SupportHours } from './hours.js';
import type { PresenceService } from './presence-service.js';
import { DEFAULT_PROMISES, DEFAULT_WEEKLY, type Availability, type AvailabilitySettings, type PromiseSettings } from './types.js';

export interface AvailabilityDeps {
  settings: AvailabilitySettingsRepo;
  organisations: Pick<OrganisationRepo, 'get'>;
  presence: Pick<PresenceService, 'online'>;
  /** The median minutes from handoff to an agent's first reply since `since`, with how many handoffs it rests on. */
  firstResponse: (since: Date) => Promise<{ medianMinutes: number | null; samples: number }>;
  clock: Clock;
  /** Checks and records who changes the hours and promises. */
  authority: Pick<Authority, 'perform'>;
}

/** The recent median is used once this many handoffs got a reply in the last 30 days. */
const MEDIAN_MIN_SAMPLES = 5;
const MEDIAN_WINDOW_MS = 30 * 86_400_000;

/**
 * Support hours and presence, combined into what a visitor can be promised at a handoff. The
 * hours themselves are pure functions (hours.ts); this reads the settings and who is online.
 */
export class AvailabilityService {
  constructor(private readonly deps: AvailabilityDeps) {}

  async settings(): Promise<AvailabilitySettings> {
    const [stored, org] = await Promise.all([this.deps.settings.get(), this.deps.organisations.get()]);
    return {
      timeZone: org?.timeZone ?? 'UTC',
      weekly: stored.weekly ?? DEFAULT_WEEKLY,
      closures: stored.closures ?? [],
      promises: { ...DEFAULT_PROMISES, ...stored.promises },
    };
  }

  hours(settings: AvailabilitySettings): SupportHours {
    return { timeZone: settings.timeZone, weekly: settings.weekly, closures: settings.closures };
  }

  /** Whether a person can answer now, and what to promise. */
  async now(): Promise<Availability> {
    const now = this.deps.clock.now();
    const settings = await this.settings();
    const hours = this.hours(settings);
    const open = isOpen(hours, now);
    const [online, typical] = await Promise.all([open ? this.deps.presence.online() : Promise.resolve([]), open ? this.#typicalMinutes(settings.promises, now) : Promise.resolve(settings.promises.firstResponseMinutes)]);
    return {
      state: !open ? 'closed' : online.length ? 'available' : 'offline',
      timeZone: settings.timeZone,
      open,
      agentsOnline: online.length,
      nextOpening: open ? now : nextOpening(hours, now),
      typicalMinutes: typical,
      replyWithin: settings.promises.replyWithin,
      emailOfferAfterMinutes: settings.promises.emailOfferAfterMinutes,
    };
  }

  /** The recent median first response, rounded up to a whole minute, else the configured value. */
  async #typicalMinutes(promises: PromiseSettings, now: Date): Promise<number> {
    const { medianMinutes, samples } = await this.deps.firstResponse(new Date(now.getTime() - MEDIAN_WINDOW_MS));
    if (medianMinutes === null || samples < MEDIAN_MIN_SAMPLES) return promises.firstResponseMinutes;
    return Math.max(1, Math.ceil(medianMinutes));
  }

  /** The wizard's choice: always open, or weekdays 09:00–17:00 (Settings › Hours & promises has the rest). */
  async saveStartingHours(actor: AuditActor, choice: 'always' | 'weekdays'): Promise<AvailabilitySettings> {
    const weekly = choice === 'always' ? Array.from({ length: 7 }, () => '00:00-00:00') : [...Array.from({ length: 5 }, () => '09:00-17:00'), '', ''];
    return this.saveHours(actor, { weekly, closures: '' });
  }

  /** Whether anyone chose the hours (the wizard or Settings), rather than the defaults applying. */
  async hoursChosen(): Promise<boolean> {
    return (await this.deps.settings.get()).weekly !== undefined;
  }

  async saveHours(actor: AuditActor, input: { weekly: string[]; closures: string }): Promise<AvailabilitySettings> {
    const before = await this.settings();
    return this.deps.authority.perform(actor, 'settings.changed', () => this.#saveHours(input), (after) => ({
      target: 'Support hours',
      // Day by day, as the log reads it: "Monday: 09:00-17:00 → 08:00-18:00".
      details: changes(byDay(before.weekly, before.closures.length), byDay(after.weekly, after.closures.length)),
    }));
  }

  async #saveHours(input: { weekly: string[]; closures: string }): Promise<AvailabilitySettings> {
    const errors: Record<string, string> = {};
    const weekly: Interval[][] = WEEKDAYS.map((day, i) => {
      const parsed = parseDay(input.weekly[i] ?? '');
      if (typeof parsed === 'string') errors[`day${i}`] = `${day}: ${parsed}`;
      return typeof parsed === 'string' ? [] : parsed;
    });
    const closures = parseClosures(input.closures);
    if (typeof closures === 'string') errors.closures = closures;
    if (Object.keys(errors).length) throw new ValidationError('Some of the hours could not be read.', errors);
    await this.deps.settings.save({ weekly, closures: closures as Closure[] });
    return this.settings();
  }

  async savePromises(actor: AuditActor, promises: PromiseSettings): Promise<AvailabilitySettings> {
    const before = await this.settings();
    return this.deps.authority.perform(actor, 'settings.changed', () => this.#savePromises(promises), (after) => ({ target: 'Promises', details: changes(before.promises, after.promises) }));
  }

  async #savePromises(promises: PromiseSettings): Promise<AvailabilitySettings> {
    const errors: Record<string, string> = {};
    if (promises.privacyPolicyUrl && !/^https?:\/\/\S+$/.test(promises.privacyPolicyUrl)) errors.privacyPolicyUrl = 'Enter the full address, starting with https://.';
    if (Object.keys(errors).length) throw new ValidationError('Some settings could not be saved.', errors);
    await this.deps.settings.save({ promises });
    return this.settings();
  }
}

/** A day's hours as the form writes them: "09:00-12:00, 13:00-17:00"; "closed" when none. */
const hoursText = (day: Interval[]) => day.map((i) => `${i.start}-${i.end}`).join(', ') || 'closed';
const byDay = (weekly: Interval[][], closures: number) => ({ ...Object.fromEntries(WEEKDAYS.map((d, i) => [d, hoursText(weekly[i] ?? [])])), closures });

/** "09:00-12:00, 13:00-17:00" → intervals; an empty day is closed. A message when it cannot be read. */
export function parseDay(text: string): Interval[] | string {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  const intervals: Interval[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2}[:.]\d{2})\s*[-–—]\s*(\d{1,2}[:.]\d{2})$/.exec(part);
    const start = m ? parseClock(m[1]!.replace('.', ':')) : undefined;
    const end = m ? parseClock(m[2]!.replace('.', ':')) : undefined;
    if (start === undefined || end === undefined || start === 24 * 60) return `"${part}" is not a time range like 09:00-17:00.`;
    intervals.push({ start: formatClock(start), end: formatClock(end) });
  }
  return intervals;
}

const formatClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const formatDay = (intervals: Interval[]) => intervals.map((i) => `${i.start}-${i.end}`).join(', ');

/**
 * One closure per line: "2026-12-24 Christmas Eve", "2026-12-24..2027-01-01 Winter break",
 * "yearly 12-25 Christmas Day" or "yearly 12-24..12-26 Christmas".
 */
export function parseClosures(text: string): Closure[] | string {
  const closures: Closure[] = [];
  const lines = text.split(/\r?\n/);
  for (const [n, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const yearly = /^yearly\s+(\d{2}-\d{2})(?:\s*\.\.\s*(\d{2}-\d{2}))?(?:\s+(.*))?$/i.exec(line);
    if (yearly) {
      const from = `2000-${yearly[1]}`;
      const to = `2000-${yearly[2] ?? yearly[1]}`;
      if (!validDate(from) || !validDate(to)) return `Line ${n + 1}: "${line}" has a date that does not exist.`;
      closures.push({ name: yearly[3]?.trim() ?? '', from, to, yearly: true });
      continue;
    }
    const once = /^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?(?:\s+(.*))?$/.exec(line);
    if (!once) return `Line ${n + 1}: "${line}" is not a date like 2026-12-24, a range like 2026-12-24..2027-01-01, or "yearly 12-25".`;
    const from = once[1]!;
    const to = once[2] ?? from;
    if (!validDate(from) || !validDate(to)) return `Line ${n + 1}: "${line}" has a date that does not exist.`;
    if (to < from) return `Line ${n + 1}: the range ends before it starts.`;
    closures.push({ name: once[3]?.trim() ?? '', from, to, yearly: false });
  }
  return closures;
}

export function formatClosures(closures: Closure[]): string {
  return closures
    .map((c) => {
      const range = (from: string, to: string) => (from === to ? from : `${from}..${to}`);
      const dates = c.yearly ? `yearly ${range(c.from.slice(5), c.to.slice(5))}` : range(c.from, c.to);
      return c.name ? `${dates} ${c.name}` : dates;
    })
    .join('\n');
}

function validDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
