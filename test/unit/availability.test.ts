import { describe, expect, it } from 'vitest';
import { AvailabilityService, formatClosures, parseClosures, parseDay } from '../../src/services/availability/availability-service.js';
import type { PromiseSettings } from '../../src/services/availability/types.js';
import type { Interval } from '../../src/services/availability/hours.js';
import { Authority } from '../../src/services/audit/authority.js';
import { promiseNotice } from '../../src/services/conversations/notices.js';

const ALL_DAY: Interval[][] = Array.from({ length: 7 }, () => [{ start: '09:00', end: '17:00' }]);

/** The service over in-memory settings, agents online and first-response figures, at a fixed time. */
function makeService(opts: { at: string; online?: number; median?: { medianMinutes: number | null; samples: number }; closures?: string; promises?: Partial<PromiseSettings> }) {
  const closures = parseClosures(opts.closures ?? '');
  if (typeof closures === 'string') throw new Error(closures);
  return new AvailabilityService({
    settings: { get: async () => ({ weekly: ALL_DAY, closures, promises: opts.promises }), save: async () => {} },
    organisations: { get: async () => ({ id: 'o', name: 'Acme', timeZone: 'Europe/Copenhagen' }) },
    presence: { online: async () => Array.from({ length: opts.online ?? 0 }, (_, i) => `u${i}`) },
    firstResponse: async () => opts.median ?? { medianMinutes: null, samples: 0 },
    clock: { now: () => new Date(opts.at) },
    authority: new Authority({ audit: { record: async () => {} } }),
  });
}

const tell = async (s: AvailabilityService, at: string, visitor: { language?: string; timeZone?: string; email?: string | null; emailReplies?: boolean } = {}) =>
  promiseNotice(await s.now(), { language: visitor.language ?? 'en', timeZone: visitor.timeZone ?? 'Europe/Copenhagen', email: visitor.email ?? null, emailReplies: visitor.emailReplies ?? true, now: new Date(at) });

describe('the promise at fixed clock times (Copenhagen, 09:00–17:00 every day)', () => {
  it('open with an agent online: "join shortly", with the configured wait until there is enough history', async () => {
    const at = '2026-11-24T10:00:00Z'; // 11:00 in Copenhagen
    expect(await tell(makeService({ at, online: 2 }), at)).toBe("I've passed this on to the team. A teammate will join shortly (usually within 5 minutes). You can keep writing meanwhile.");
    // Four handoffs are not enough to go by; five are, rounded up to a whole minute.
    expect(await tell(makeService({ at, online: 1, median: { medianMinutes: 2.2, samples: 4 } }), at)).toContain('usually within 5 minutes');
    expect(await tell(makeService({ at, online: 1, median: { medianMinutes: 2.2, samples: 5 } }), at)).toContain('usually within 3 minutes');
    expect(await tell(makeService({ at, online: 1, median: { medianMinutes: 0.2, samples: 9 } }), at)).toContain('usually within 1 minute)');
  });

  it('open with nobody online: "nobody is online right now", with the configured reply window', async () => {
    const at = '2026-11-24T10:00:00Z';
    const s = makeService({ at, promises: { replyWithin: { amount: 4, unit: 'hours' } } });
    expect(await tell(s, at)).toBe("I've passed this on to the team. Nobody is online right now. Leave your email below and we'll reply within 4 hours.");
    expect(await tell(s, at, { language: 'de', email: 'vic@example.org' })).toBe('Ich habe das an das Team weitergegeben. Gerade ist niemand online. Wir antworten an vic@example.org innerhalb von 4 Stunden.');
  });

  it('says the address as it was given, though it holds what String.replace would read as a pattern or a placeholder', async () => {
    const at = '2026-11-24T10:00:00Z';
    const s = makeService({ at, promises: { replyWithin: { amount: 4, unit: 'hours' } } });
    const odd = "o$'{x}$&@example.org";
    expect(await tell(s, at, { email: odd })).toBe(`I've passed this on to the team. Nobody is online right now. We'll reply to ${odd} within 4 hours.`);
  });

  it('without a mail server, promises the reply in the chat, even to a visitor whose email is known', async () => {
    const at = '2026-11-24T10:00:00Z';
    const s = makeService({ at, promises: { replyWithin: { amount: 4, unit: 'hours' } } });
    expect(await tell(s, at, { emailReplies: false })).toBe("I've passed this on to the team. Nobody is online right now. We'll reply here within 4 hours: open this chat again to read it.");
    expect(await tell(s, at, { emailReplies: false, email: 'vic@example.org', language: 'da' })).toBe('Jeg har givet det videre til teamet. Der er ingen online lige nu. Vi svarer her inden for 4 timer: åbn chatten igen for at læse svaret.');
    const evening = '2026-11-24T18:00:00Z';
    expect(await tell(makeService({ at: evening }), evening, { emailReplies: false, language: 'es' })).toMatch(/^He pasado su consulta al equipo\. Ahora mismo estamos cerrados y volvemos .+\. Le responderemos aquí en 1 día hábil: vuelva a abrir este chat para leer la respuesta\.$/);
  });

  it('closed in the evening: back tomorrow morning, said in the visitor\'s time zone and language', async () => {
    const at = '2026-11-24T18:00:00Z'; // 19:00 in Copenhagen, agents online or not
    const s = makeService({ at, online: 3 });
    expect(await tell(s, at)).toBe("I've passed this on to the team. We're closed right now and back tomorrow at 9:00 AM GMT+1. Leave your email below and we'll reply within 1 business day.");
    expect(await tell(s, at, { timeZone: 'America/New_York' })).toContain('back tomorrow at 3:00 AM EST.');
    expect(await tell(s, at, { language: 'fr', timeZone: 'Europe/Paris' })).toContain('de retour demain à 09:00 UTC+1.');
    // Late in Tokyo it is already Wednesday: the opening is today there.
    expect(await tell(s, at, { timeZone: 'Asia/Tokyo' })).toContain('back today at 5:00 PM GMT+9.');
  });

  it('early on a Monday: back today, not "Monday" (which reads as a week away)', async () => {
    const at = '2026-11-23T05:00:00Z'; // Monday 06:00 in Copenhagen
    expect(await tell(makeService({ at }), at)).toContain('back today at 9:00 AM GMT+1.');
    expect(await tell(makeService({ at }), at, { language: 'da' })).toContain('tilbage i dag kl. 09.00 CET.');
  });

  it('closed for a holiday: back on the first day after it, with the date when it is more than a week away', async () => {
    const at = '2026-12-23T17:00:00Z';
    expect(await tell(makeService({ at, closures: 'yearly 12-24..12-26 Christmas' }), at)).toContain('back Sunday, 9:00 AM GMT+1.');
    const long = makeService({ at, closures: '2026-12-24..2027-01-10 Winter break' });
    expect(await tell(long, at)).toContain('back Monday, January 11 at 9:00 AM GMT+1.');
  });

  it('a schedule with no opening promises no time', async () => {
    const at = '2026-11-24T10:00:00Z';
    const s = makeService({ at, closures: 'yearly 01-01..12-31 Closed for good' });
    expect(await tell(s, at)).toBe("I've passed this on to the team. We're closed right now. Leave your email below and we'll reply within 1 business day.");
  });
});

describe('reading the hours form', () => {
  it('reads intervals, with dots or colons and several a day, and says what it cannot read', () => {
    expect(parseDay('09:00-12:00, 13.00–17:30')).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }]);
    expect(parseDay('  ')).toEqual([]);
    expect(parseDay('22:00-02:00')).toEqual([{ start: '22:00', end: '02:00' }]);
    expect(parseDay('9-5')).toMatch(/is not a time range/);
    expect(parseDay('25:00-26:00')).toMatch(/is not a time range/);
  });

  it('reads closures and writes them back the same way', () => {
    const text = '2026-12-24..2027-01-01 Winter break\nyearly 12-25 Christmas Day\nyearly 12-31..01-01\n# a comment\n2027-05-01';
    const closures = parseClosures(text);
    expect(closures).toEqual([
      { name: 'Winter break', from: '2026-12-24', to: '2027-01-01', yearly: false },
      { name: 'Christmas Day', from: '2000-12-25', to: '2000-12-25', yearly: true },
      { name: '', from: '2000-12-31', to: '2000-01-01', yearly: true },
      { name: '', from: '2027-05-01', to: '2027-05-01', yearly: false },
    ]);
    expect(formatClosures(closures as never)).toBe('2026-12-24..2027-01-01 Winter break\nyearly 12-25 Christmas Day\nyearly 12-31..01-01\n2027-05-01');
    expect(parseClosures('2027-02-29')).toMatch(/does not exist/);
    expect(parseClosures('2027-01-05..2027-01-01')).toMatch(/ends before it starts/);
    expect(parseClosures('next tuesday')).toMatch(/Line 1/);
  });
});
