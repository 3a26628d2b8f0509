import ipaddr from 'ipaddr.js';

/**
 * The key a per-network limit counts under. IPv4 is one address (an IPv4-mapped IPv6 address is
 * its IPv4 address); IPv6 is its /56, since one subscriber holds a /64 or more and could
 * otherwise take a fresh budget from each of its 2^64 addresses.
 */
export function networkKey(ip: string | undefined): string {
  if (!ip) return 'ip:unknown';
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(ip);
  } catch {
    return `ip:${ip}`;
  }
  if (address.kind() === 'ipv4') return `ip:${address.toString()}`;
  const parts = (address as ipaddr.IPv6).toNormalizedString().split(':');
  // The first 56 bits: three groups and the high byte of the fourth.
  const fourth = (parseInt(parts[3]!, 16) & 0xff00).toString(16);
  return `ip6:${parts.slice(0, 3).join(':')}:${fourth}::/56`;
}
