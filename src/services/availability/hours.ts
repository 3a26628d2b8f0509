/**
 * Support hours as pure functions of an instant: whether the team is open, and when it next
 * opens. Everything is reckoned in the organisation's local wall time, so a schedule written as
 * "09:00–17:00" stays 09:00–17:00 across daylight-saving changes.
 */

/** "HH:MM" local times. `end` at or before `start` runs past midnight into the next day. */
export interface Interval {
  start: string;
  end: string;
}

/** Whole local days the team is closed: one-off dates, or the same days every year. */
export interface Closure {
  name: string;
  /** YYYY-MM-DD, inclusive. For a yearly closure only the month and day count. */
  from: string;
  to: string;
  yearly: boolean;
}

export interface SupportHours {
  timeZone: string;
  /** Seven lists of intervals, Monday first. An empty list: closed that day. */
  weekly: Interval[][];
  closures: Closure[];
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** How far ahead nextOpening looks: past any one-off closure a person would enter, plus a year. */
const HORIZON_DAYS = 800;
const MINUTE = 60_000;
const DAY = 86_400_000;

interface WallTime {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock reading of `ms` in `timeZone`, as milliseconds on a UTC scale. */
function wallMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (ms % 1000 + 1000) % 1000;
}

function wall(ms: number, timeZone: string): WallTime {
  const w = wallMs(ms, timeZone);
  return { day: Math.floor(w / DAY), minutes: Math.floor((w % DAY) / MINUTE) };
}

/** Local time minus UTC at `ms`. */
const offset = (ms: number, timeZone: string) => wallMs(ms, timeZone) - ms;

/**
 * The first instant whose local reading is `minutes` past midnight of `day`. In the hour a
 * clock skips, that is the moment the clock jumps past it; in the hour it repeats, the first
 * of the two.
 */
function instant(day: number, minutes: number, timeZone: string): number {
  const naive = day * DAY + minutes * MINUTE;
  const before = naive - offset(naive - DAY, timeZone);
  const after = naive - offset(naive + DAY, timeZone);
  const fits = [before, after].filter((t) => wallMs(t, timeZone) === naive);
  if (fits.length) return Math.min(...fits);
  return transitionBetween(Math.min(before, after), Math.max(before, after), timeZone);
}

/** The instant the offset changes between `lo` and `hi` (offsets change on whole minutes). */
function transitionBetween(lo: number, hi: number, timeZone: string): number {
  const first = offset(lo, timeZone);
  let a = Math.floor(lo / MINUTE);
  let b = Math.ceil(hi / MINUTE);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offset(mid * MINUTE, timeZone) === first) a = mid;
    else b = mid;
  }
  return b * MINUTE;
}

export const parseClock = (hhmm: string): number | undefined => {
  const m = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(hhmm.trim());
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
};

const minutesOf = (hhmm: string) => parseClock(hhmm) ?? 0;

/** Monday = 0. 1970-01-01 was a Thursday. */
const weekday = (day: number) => (day + 3) % 7;

function dateOf(day: number): { y: number; m: number; d: number; iso: string } {
  const date = new Date(day * DAY);
  const iso = date.toISOString().slice(0, 10);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), iso };
}

function isClosedOn(closures: Closure[], day: number): boolean {
  const { iso } = dateOf(day);
  const md = iso.slice(5);
  return closures.some((c) => {
    if (!c.yearly) return c.from <= iso && iso <= c.to;
    const from = c.from.slice(5);
    const to = c.to.slice(5);
    // A yearly closure may run over new year (12-24 to 01-02).
    return from <= to ? from <= md && md <= to : md >= from || md <= to;
  });
}

function openAtWall(hours: SupportHours, w: WallTime): boolean {
  if (isClosedOn(hours.closures, w.day)) return false;
  for (const i of hours.weekly[weekday(w.day)] ?? []) {
    const start = minutesOf(i.start);
    const end = minutesOf(i.end);
    if (end > start ? w.minutes >= start && w.minutes < end : w.minutes >= start) return true;
  }
  // Yesterday's intervals that run past midnight.
  for (const i of hours.weekly[weekday(w.day - 1)] ?? []) {
    const start = minutesOf(i.start);
    const end = minutesOf(i.end);
    if (end <= start && w.minutes < end) return true;
  }
  return false;
}

export function isOpen(hours: SupportHours, at: Date): boolean {
  return openAtWall(hours, wall(at.getTime(), hours.timeZone));
}

/**
 * The first instant at or after `at` when the team is open: `at` itself when open now, and
 * undefined when the schedule never opens (within two years). Whether the team is open changes
 * only where the local clock crosses an interval's start or end or midnight, or jumps; so the
 * answer is the first such moment that is open.
 */
export function nextOpening(hours: SupportHours, at: Date): Date | undefined {
  const t0 = at.getTime();
  if (isOpen(hours, at)) return at;
  if (!hours.weekly.some((day) => day.length)) return undefined;
  const first = wall(t0, hours.timeZone).day;
  for (let day = first; day <= first + HORIZON_DAYS; day++) {
    if (isClosedOn(hours.closures, day) && isClosedOn(hours.closures, day + 1)) continue;
    const midnight = instant(day, 0, hours.timeZone);
    const nextMidnight = instant(day + 1, 0, hours.timeZone);
    const candidates = [midnight, ...(hours.weekly[weekday(day)] ?? []).map((i) => instant(day, minutesOf(i.start), hours.timeZone))];
    if (offset(midnight, hours.timeZone) !== offset(nextMidnight, hours.timeZone)) candidates.push(transitionBetween(midnight, nextMidnight, hours.timeZone));
    for (const t of candidates.filter((c) => c > t0).sort((a, b) => a - b)) {
      if (isOpen(hours, new Date(t))) return new Date(t);
    }
  }
  return undefined;
}

/** The local calendar date of `at` in `timeZone`, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(wall(at.getTime(), timeZone).day * DAY).toISOString().slice(0, 10);
}

/** The instant local midnight begins on `date` (YYYY-MM-DD) in `timeZone`. */
export function localMidnight(date: string, timeZone: string): Date {
  return new Date(instant(Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY), 0, timeZone));
}
