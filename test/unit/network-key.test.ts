import { describe, expect, it } from 'vitest';
import { networkKey } from '../../src/lib/network-key.js';

describe('the key a per-network limit counts under', () => {
  it('is the address for IPv4, also when it arrives IPv4-mapped', () => {
    expect(networkKey('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(networkKey('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
  });

  it("is the /56 for IPv6, so one subscriber's many addresses share one budget", () => {
    const a = networkKey('2001:db8:1234:5601::1');
    expect(a).toBe('ip6:2001:db8:1234:5600::/56');
    expect(networkKey('2001:db8:1234:56ff:ffff::9')).toBe(a);
    expect(networkKey('2001:db8:1234:5700::1')).not.toBe(a);
  });

  it('never throws on what a proxy passes along', () => {
    expect(networkKey(undefined)).toBe('ip:unknown');
    expect(networkKey('not an address')).toBe('ip:not an address');
  });
});
