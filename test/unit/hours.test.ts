import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, type Closure, type Interval, type SupportHours } from '../../src/services/availability/hours.js';

const nine5: Interval[] = [{ start: '09:00', end: '17:00' }];
const weekdays = (intervals: Interval[], weekend: Interval[] = []): Interval[][] => [intervals, intervals, intervals, intervals, intervals, weekend, weekend];
const hours = (timeZone: string, weekly: Interval[][], closures: Closure[] = []): SupportHours => ({ timeZone, weekly, closures });
const at = (iso: string) => new Date(iso);

/** The slow, obviously right answer: minute by minute from `from`. */
function bruteNextOpening(h: SupportHours, from: Date, limitMinutes: number): Date | undefined {
  if (isOpen(h, from)) return from;
  let t = Math.ceil(from.getTime() / 60_000) * 60_000;
  for (let n = 0; n < limitMinutes; n++, t += 60_000) if (isOpen(h, new Date(t))) return new Date(t);
  return undefined;
}

describe('support hours: isOpen', () => {
  const cph = hours('Europe/Copenhagen', weekdays(nine5));

  it('reads the schedule in local time, winter and summer', () => {
    // Tuesday 24 November 2026, CET (UTC+1).
    expect(isOpen(cph, at('2026-11-24T07:59:59Z'))).toBe(false);
    expect(isOpen(cph, at('2026-11-24T08:00:00Z'))).toBe(true);
    expect(isOpen(cph, at('2026-11-24T15:59:59Z'))).toBe(true);
    expect(isOpen(cph, at('2026-11-24T16:00:00Z'))).toBe(false);
    // Tuesday 16 June 2026, CEST (UTC+2).
    expect(isOpen(cph, at('2026-06-16T06:59:00Z'))).toBe(false);
    expect(isOpen(cph, at('2026-06-16T07:00:00Z'))).toBe(true);
    expect(isOpen(cph, at('2026-06-16T15:00:00Z'))).toBe(false);
  });

  it('is closed at weekends when the weekend has no intervals', () => {
    expect(isOpen(cph, at('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
    expect(isOpen(cph, at('2026-11-29T10:00:00Z'))).toBe(false); // Sunday
  });

  it('keeps several intervals a day apart (a lunch break)', () => {
    const h = hours('Europe/Copenhagen', weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]));
    expect(isOpen(h, at('2026-11-24T10:59:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-24T11:30:00Z'))).toBe(false);
    expect(isOpen(h, at('2026-11-24T12:00:00Z'))).toBe(true);
  });

  it('runs an interval past midnight into the next day', () => {
    // Fridays 20:00 to 02:00 in New York (EST, UTC-5), nothing else.
    const h = hours('America/New_York', [[], [], [], [], [{ start: '20:00', end: '02:00' }], [], []]);
    expect(isOpen(h, at('2026-11-28T00:59:00Z'))).toBe(false); // Friday 19:59
    expect(isOpen(h, at('2026-11-28T01:00:00Z'))).toBe(true); // Friday 20:00
    expect(isOpen(h, at('2026-11-28T06:59:00Z'))).toBe(true); // Saturday 01:59
    expect(isOpen(h, at('2026-11-28T07:00:00Z'))).toBe(false); // Saturday 02:00
    // Saturday's own (empty) day does not reopen it later.
    expect(isOpen(h, at('2026-11-29T01:30:00Z'))).toBe(false);
  });

  it('treats 24:00 as the end of the day, and 00:00–00:00 as all day', () => {
    const h = hours('UTC', [[{ start: '18:00', end: '24:00' }], [{ start: '00:00', end: '00:00' }], [], [], [], [], []]);
    expect(isOpen(h, at('2026-11-23T23:59:00Z'))).toBe(true); // Monday
    expect(isOpen(h, at('2026-11-24T00:00:00Z'))).toBe(true); // Tuesday, all day
    expect(isOpen(h, at('2026-11-24T23:59:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-25T00:00:00Z'))).toBe(false); // Wednesday
  });

  it('closes whole local days for one-off and yearly closures', () => {
    const h = hours('Europe/Copenhagen', weekdays(nine5), [
      { name: 'Moving day', from: '2026-11-26', to: '2026-11-27', yearly: false },
      { name: 'Christmas', from: '2000-12-24', to: '2000-12-26', yearly: true },
      { name: 'New year', from: '2000-12-31', to: '2000-01-01', yearly: true },
    ]);
    expect(isOpen(h, at('2026-11-25T10:00:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-26T10:00:00Z'))).toBe(false);
    expect(isOpen(h, at('2026-11-27T10:00:00Z'))).toBe(false);
    expect(isOpen(h, at('2027-11-26T10:00:00Z'))).toBe(true); // one-off: not the next year
    expect(isOpen(h, at('2027-12-24T10:00:00Z'))).toBe(false); // yearly: every year
    expect(isOpen(h, at('2030-12-24T10:00:00Z'))).toBe(false);
    expect(isOpen(h, at('2027-12-31T10:00:00Z'))).toBe(false); // over new year
    expect(isOpen(h, at('2027-01-01T10:00:00Z'))).toBe(false);
    expect(isOpen(h, at('2027-01-04T10:00:00Z'))).toBe(true);
    // A closure counts in local time: 23:30 UTC on the 25th is already the 26th in Copenhagen.
    const late = hours('Europe/Copenhagen', weekdays([{ start: '00:00', end: '00:00' }]), [{ name: 'x', from: '2026-11-26', to: '2026-11-26', yearly: false }]);
    expect(isOpen(late, at('2026-11-25T22:59:00Z'))).toBe(true);
    expect(isOpen(late, at('2026-11-25T23:00:00Z'))).toBe(false);
  });

  it('cuts an overnight interval at midnight when the next day is a closure', () => {
    const h = hours('UTC', weekdays([{ start: '22:00', end: '02:00' }], [{ start: '22:00', end: '02:00' }]), [{ name: 'x', from: '2026-11-25', to: '2026-11-25', yearly: false }]);
    expect(isOpen(h, at('2026-11-24T23:00:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-11-25T01:00:00Z'))).toBe(false);
  });
});

describe('support hours across daylight-saving changes', () => {
  it('Copenhagen, spring forward (29 March 2026, 02:00 → 03:00)', () => {
    const h = hours('Europe/Copenhagen', Array.from({ length: 7 }, () => [{ start: '02:30', end: '04:00' }]));
    // 02:30 never happens that night; the interval is open from the moment the clock reads 03:00.
    expect(isOpen(h, at('2026-03-29T00:59:00Z'))).toBe(false); // 01:59 CET
    expect(isOpen(h, at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
    expect(nextOpening(h, at('2026-03-29T00:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z'));
    // The day after, 02:30 CEST is 00:30 UTC.
    expect(nextOpening(h, at('2026-03-29T03:00:00Z'))).toEqual(at('2026-03-30T00:30:00Z'));
  });

  it('Copenhagen, fall back (25 October 2026, 03:00 → 02:00): an interval ending at 02:30 opens again', () => {
    const h = hours('Europe/Copenhagen', Array.from({ length: 7 }, () => [{ start: '01:00', end: '02:30' }]));
    expect(isOpen(h, at('2026-10-24T23:00:00Z'))).toBe(true); // 01:00 CEST
    expect(isOpen(h, at('2026-10-25T00:30:00Z'))).toBe(false); // 02:30 CEST
    expect(nextOpening(h, at('2026-10-25T00:30:00Z'))).toEqual(at('2026-10-25T01:00:00Z')); // 02:00 CET, again
    expect(isOpen(h, at('2026-10-25T01:29:00Z'))).toBe(true);
    expect(isOpen(h, at('2026-10-25T01:30:00Z'))).toBe(false);
  });

  it('New York, spring forward (8 March 2026) and fall back (1 November 2026), office hours', () => {
    const h = hours('America/New_York', weekdays(nine5, [{ start: '10:00', end: '14:00' }]));
    // Sunday 8 March, 10:00 EDT = 14:00 UTC (it was EST until 07:00 UTC).
    expect(nextOpening(h, at('2026-03-08T06:00:00Z'))).toEqual(at('2026-03-08T14:00:00Z'));
    // Sunday 1 November, 10:00 EST = 15:00 UTC.
    expect(nextOpening(h, at('2026-11-01T04:00:00Z'))).toEqual(at('2026-11-01T15:00:00Z'));
    // Friday 30 October 17:00 EDT to Saturday 10:00 EDT.
    expect(nextOpening(h, at('2026-10-30T21:00:00Z'))).toEqual(at('2026-10-31T14:00:00Z'));
  });

  it.each([
    ['Europe/Copenhagen', '2026-03-25T00:00:00Z'],
    ['Europe/Copenhagen', '2026-10-21T00:00:00Z'],
    ['America/New_York', '2026-03-04T00:00:00Z'],
    ['America/New_York', '2026-10-28T00:00:00Z'],
  ])('nextOpening agrees with a minute-by-minute scan around the change (%s from %s)', (timeZone, start) => {
    const schedules: Interval[][][] = [
      weekdays(nine5),
      weekdays([{ start: '01:30', end: '02:30' }], [{ start: '02:15', end: '03:15' }]),
      weekdays([{ start: '22:00', end: '02:30' }], []),
      [[{ start: '23:00', end: '01:00' }], [], [], [], [], [{ start: '02:00', end: '03:00' }], [{ start: '00:00', end: '00:00' }]],
    ];
    const closures: Closure[] = [{ name: 'x', from: start.slice(0, 10), to: start.slice(0, 10), yearly: false }];
    let checked = 0;
    for (const weekly of schedules) {
      const h = hours(timeZone, weekly, closures);
      for (let t = at(start).getTime(); t < at(start).getTime() + 9 * 86_400_000; t += 163 * 60_000 + 13_000) {
        const from = new Date(t);
        expect(nextOpening(h, from), `${timeZone} ${JSON.stringify(weekly[0])} from ${from.toISOString()}`).toEqual(bruteNextOpening(h, from, 14 * 24 * 60));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('support hours: nextOpening', () => {
  const cph = hours('Europe/Copenhagen', weekdays(nine5), [{ name: 'Christmas', from: '2000-12-24', to: '2000-12-26', yearly: true }]);

  it('is now when open', () => {
    const now = at('2026-11-24T10:00:00Z');
    expect(nextOpening(cph, now)).toBe(now);
  });

  it('is the next morning after hours, and Monday after Friday evening', () => {
    expect(nextOpening(cph, at('2026-11-24T17:00:00Z'))).toEqual(at('2026-11-25T08:00:00Z'));
    expect(nextOpening(cph, at('2026-11-27T16:30:00Z'))).toEqual(at('2026-11-30T08:00:00Z'));
  });

  it('skips holidays', () => {
    // Wednesday 23 December 2026 evening: 24, 25 and 26 are closed, 26/27 are a weekend; Monday 28th.
    expect(nextOpening(cph, at('2026-12-23T17:00:00Z'))).toEqual(at('2026-12-28T08:00:00Z'));
  });

  it('is undefined for a schedule with no opening', () => {
    expect(nextOpening(hours('UTC', weekdays([])), at('2026-11-24T10:00:00Z'))).toBeUndefined();
    const alwaysClosed = hours('UTC', weekdays(nine5), [{ name: 'all year', from: '2000-01-01', to: '2000-12-31', yearly: true }]);
    expect(nextOpening(alwaysClosed, at('2026-11-24T10:00:00Z'))).toBeUndefined();
  });

  it('finds an opening after a long one-off closure', () => {
    const h = hours('UTC', weekdays(nine5), [{ name: 'sabbatical', from: '2026-11-24', to: '2027-06-30', yearly: false }]);
    expect(nextOpening(h, at('2026-11-24T10:00:00Z'))).toEqual(at('2027-07-01T09:00:00Z'));
  });
});
