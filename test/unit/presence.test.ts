import { describe, expect, it } from 'vitest';
import { presenceAt } from '../../src/services/availability/presence-service.js';

const opts = { awayAfterMs: 10 * 60_000, offlineAfterMs: 90_000 };
const now = new Date('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('presence', () => {
  it('is online with a recent heartbeat and recent activity', () => {
    expect(presenceAt({ userId: 'u', status: 'online', heartbeatAt: ago(20_000), activeAt: ago(60_000) }, now, opts)).toBe('online');
  });
  it('is away when chosen, or by itself after a while without activity', () => {
    expect(presenceAt({ userId: 'u', status: 'away', heartbeatAt: ago(1000), activeAt: ago(1000) }, now, opts)).toBe('away');
    expect(presenceAt({ userId: 'u', status: 'online', heartbeatAt: ago(1000), activeAt: ago(10 * 60_000 + 1) }, now, opts)).toBe('away');
  });
  it('is offline when the inbox stopped beating, or never opened', () => {
    expect(presenceAt({ userId: 'u', status: 'online', heartbeatAt: ago(90_001), activeAt: ago(90_001) }, now, opts)).toBe('offline');
    expect(presenceAt(undefined, now, opts)).toBe('offline');
  });
});
