import ipaddr from 'ipaddr.js';

/**
 * Which addresses Baton may fetch from. Public unicast addresses always; private ones only when
 * the operator opts in, either entirely (`true`) or for listed ranges (`10.1.0.0/16,127.0.0.2/32`).
 * Cloud metadata endpoints are never allowed, opt-in or not: nothing in a help center lives there,
 * and they hand out credentials.
 */
export type PrivateAccess = { kind: 'none' } | { kind: 'all' } | { kind: 'ranges'; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]; text: string };

const METADATA = ['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200'].map((a) => ipaddr.parse(a).toString());

// Ranges an operator may open up for an intranet; everything else that is not unicast stays shut.
const OPENABLE = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat']);

/** Parses CRAWL_ALLOW_PRIVATE: false, true, or a comma list of CIDRs. Throws with a readable message. */
export function parsePrivateAccess(raw: string | undefined): PrivateAccess {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0' || v === 'no') return { kind: 'none' };
  if (v === 'true' || v === '1' || v === 'yes') return { kind: 'all' };
  const ranges = v.split(',').map((part) => {
    const text = part.trim();
    try {
      return ipaddr.parseCIDR(text.includes('/') ? text : `${text}/${ipaddr.parse(text).kind() === 'ipv4' ? 32 : 128}`);
    } catch {
      throw new Error(`"${text}" is not an address or CIDR range (e.g. 10.0.0.0/8)`);
    }
  });
  return { kind: 'ranges', ranges, text: v };
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Whether a literal IP address may be contacted under the given policy. */
export function addressVerdict(address: string, access: PrivateAccess): Verdict {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return { ok: false, reason: `${address} is not an IP address` };
  }
  // ::ffff:127.0.0.1 is 127.0.0.1 wearing an IPv6 coat.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normal = ip.toString();
  if (METADATA.includes(normal)) return { ok: false, reason: `${normal} is a cloud metadata address` };
  const range = ip.range();
  if (range === 'unicast') return { ok: true };
  if (!OPENABLE.has(range)) return { ok: false, reason: `${normal} is a ${range} address` };
  if (access.kind === 'all') return { ok: true };
  if (access.kind === 'ranges' && access.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return { ok: true };
  return { ok: false, reason: `${normal} is a ${range} address (set CRAWL_ALLOW_PRIVATE to allow intranet sites)` };
}

/** True when the host part of a URL is an IP literal rather than a name to resolve. */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}
