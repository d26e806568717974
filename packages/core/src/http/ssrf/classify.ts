import ipaddr from 'ipaddr.js';

/** What an address is, as far as reaching it from a connector goes. Only `public` is reachable by default. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'carrier_grade_nat'
  | 'unique_local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'metadata'
  | 'reserved';

export interface AddressClassification {
  /** The canonical form (`127.0.0.1`, `::ffff:7f00:1`). */
  address: string;
  family: 4 | 6;
  class: AddressClass;
  /** ipaddr.js's name for the range, for details. */
  range: string;
  /** The IPv4 address an IPv6 address carries (IPv4-mapped, NAT64, 6to4, IPv4-compatible). */
  embedded_ipv4?: string;
}

/** Cloud instance-metadata endpoints: credentials live there (AWS, GCP, Azure, OCI, Alibaba, ECS). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

const IPV4_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  as112: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link_local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier_grade_nat',
  private: 'private',
};

const IPV6_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  as112v6: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  linkLocal: 'link_local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'unique_local',
};

/**
 * Parses an IP literal in any form a resolver would accept: dotted quad, short forms (`127.1`),
 * decimal (`2130706433`), octal (`0177.0.0.1`), hex (`0x7f.0.0.1`, `0x7f000001`), IPv6 with or
 * without brackets or zone. Returns null for a host name.
 */
export function parseIpLiteral(host: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let text = host.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.endsWith('.') && !text.includes(':')) text = text.slice(0, -1);
  if (!ipaddr.isValid(text)) return null;
  try {
    return ipaddr.parse(text);
  } catch {
    return null;
  }
}

/** Classifies an IP literal; null when `host` is not one (a name must be resolved first). */
export function classifyAddress(host: string): AddressClassification | null {
  const parsed = parseIpLiteral(host);
  if (!parsed) return null;
  return parsed.kind() === 'ipv4' ? classifyV4(parsed as ipaddr.IPv4) : classifyV6(parsed as ipaddr.IPv6);
}

function classifyV4(address: ipaddr.IPv4): AddressClassification {
  const text = address.toString();
  const range = address.range();
  // Unknown or special-purpose ranges (reserved, benchmarking, future ones) fail closed.
  const cls = METADATA_ADDRESSES.has(text) ? 'metadata' : (IPV4_CLASSES[range] ?? 'reserved');
  return { address: text, family: 4, class: cls, range };
}

function classifyV6(full: ipaddr.IPv6): AddressClassification {
  // The zone (`%eth0`) does not change where the address points.
  const address = new ipaddr.IPv6(full.parts);
  const text = address.toString();
  // ipaddr.js calls ::a.b.c.d (IPv4-compatible, ::/96, deprecated) unicast.
  const compatible = address.range() === 'unicast' && address.parts.slice(0, 6).every((part) => part === 0);
  const range = compatible ? 'ipv4Compatible' : address.range();
  if (METADATA_ADDRESSES.has(text)) return { address: text, family: 6, class: 'metadata', range };
  const embedded = embeddedIpv4(address, range);
  if (embedded) {
    const inner = classifyV4(embedded);
    // IPv4-compatible addresses are deprecated: refused even when the inner one is public.
    const cls = range === 'ipv4Compatible' && inner.class === 'public' ? 'reserved' : inner.class;
    return { address: text, family: 6, class: cls, range, embedded_ipv4: inner.address };
  }
  return { address: text, family: 6, class: IPV6_CLASSES[range] ?? 'reserved', range };
}

/** The IPv4 address inside an IPv6 translation or tunnelling address, if any. */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const p = address.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return v4(p[6]!, p[7]!);
    case 'rfc6052': // NAT64 64:ff9b::a.b.c.d; the local-use 64:ff9b:1::/48 carries no fixed position
      return p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 ? v4(p[6]!, p[7]!) : undefined;
    case '6to4': // 2002:AABB:CCDD::/48
      return v4(p[1]!, p[2]!);
    case 'ipv4Compatible': // ::a.b.c.d
      return v4(p[6]!, p[7]!);
    default:
      return undefined;
  }
}
