import ipaddr from 'ipaddr.js';
import { globMatches } from './glob.js';

/**
 * allowed_hosts / blocked_hosts entries and how they match one request target.
 *
 * An entry is a host name or glob (`api.github.com`, `*.github.com`), an IP address (`10.0.0.5`,
 * `::1`, `[::1]`) or a CIDR range (`10.0.0.0/8`), optionally with a port (`api.example:8443`,
 * `10.0.0.5:80`, `[::1]:8080`). An entry with a port matches only that port; without one, any.
 *
 * A target is the URL's host name and port, plus, at connect time, the address the name resolved
 * to: name entries match the host name, IP and CIDR entries match the literal host or the
 * resolved address (an IPv6 address carrying an IPv4 one, `::ffff:127.0.0.1` or NAT64, matches as
 * that IPv4 address too). For blocking, the loopback family is one: an entry naming any loopback
 * address or a range holding one (`127.0.0.1`, `127.0.0.0/8`, `::1`, `localhost`) matches every
 * loopback target (`127.x`, `::1`, `::ffff:127.0.0.1`, `localhost`, `*.localhost`), since they all
 * reach this machine. For allowing (`mode: 'allow'`) matching stays narrow, failing closed: only
 * the same address (IPv4-mapped counting as its IPv4 address), no family widening, no NAT64/6to4.
 */
export interface HostEntry {
  raw: string;
  kind: 'name' | 'ip' | 'cidr';
  /** Normalized: lowercase, no brackets, no root dot. */
  host: string;
  port?: number;
  /** Whether it names the loopback family (see above). */
  loopback: boolean;
}

export interface HostTarget {
  /** The URL's host name (an IP literal for a literal URL). */
  name: string;
  /** The URL's port, default ports spelled out; undefined when unknown (then port entries never match). */
  port?: number;
  /** The address actually connected to, once resolved. */
  address?: string;
}

const parsedEntries = new Map<string, HostEntry | null>();

/** Parses one entry; null for a malformed one (the policy schema refuses those). */
export function parseHostEntry(raw: string): HostEntry | null {
  const cached = parsedEntries.get(raw);
  if (cached !== undefined) return cached;
  const entry = parse(raw);
  parsedEntries.set(raw, entry);
  return entry;
}

function parse(raw: string): HostEntry | null {
  let text = raw.trim().toLowerCase();
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    text = bracketed[1]!;
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else {
    // One colon is `host:port`; more is a bare IPv6 address or range, which cannot carry a port.
    const colons = text.split(':').length - 1;
    if (colons === 1) {
      const at = text.lastIndexOf(':');
      const digits = text.slice(at + 1);
      if (!/^\d+$/.test(digits)) return null;
      port = Number(digits);
      text = text.slice(0, at);
    }
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) return null;
  if (text.endsWith('.') && !text.includes(':')) text = text.slice(0, -1);
  if (text === '') return null;
  if (text.includes('/')) {
    if (!ipaddr.isValidCIDR(text)) return null;
    const [range, bits] = ipaddr.parseCIDR(text);
    const loopback = range.kind() === 'ipv4' ? new ipaddr.IPv4([127, 0, 0, 1]).match(range, bits) : ipaddr.parse('::1').match(range, bits);
    return { raw, kind: 'cidr', host: text, port, loopback };
  }
  if (ipaddr.isValid(text) && !/^\d+$/.test(text)) {
    return { raw, kind: 'ip', host: ipaddr.process(text).toString(), port, loopback: isLoopbackAddress(text) };
  }
  if (!/^[a-z0-9_*?.-]+$/.test(text)) return null;
  return { raw, kind: 'name', host: text, port, loopback: isLoopbackName(text) };
}

/** Whether a policy entry is well formed (for the policy schema). */
export function isValidHostEntry(raw: string): boolean {
  return parseHostEntry(raw) !== null;
}

/** The first entry that matches the target, for error details. */
export function matchingHostEntry(entries: readonly string[], target: HostTarget, mode: 'block' | 'allow' = 'block'): string | undefined {
  const facts = targetFacts(target, mode);
  return entries.find((raw) => {
    const entry = parseHostEntry(raw);
    return entry !== null && entryMatches(entry, facts);
  });
}

/** Whether the list holds IP or CIDR entries (a name target can then match only once resolved). */
export function hasAddressEntries(entries: readonly string[]): boolean {
  return entries.some((raw) => {
    const kind = parseHostEntry(raw)?.kind;
    return kind === 'ip' || kind === 'cidr';
  });
}

interface TargetFacts {
  name: string;
  nameIsAddress: boolean;
  port?: number;
  /** The literal host and the resolved address, each with the IPv4 address it carries. */
  addresses: (ipaddr.IPv4 | ipaddr.IPv6)[];
  loopback: boolean;
}

function targetFacts(target: HostTarget, mode: 'block' | 'allow'): TargetFacts {
  const name = normalize(target.name);
  const addresses: (ipaddr.IPv4 | ipaddr.IPv6)[] = [];
  const nameAddress = parseAddress(name);
  for (const text of [nameAddress ? name : undefined, target.address]) {
    const parsed = text === undefined ? null : parseAddress(normalize(text));
    if (parsed) addresses.push(...(mode === 'block' ? withEmbedded(parsed) : [ipaddr.process(parsed.toString())]));
  }
  const loopback = mode === 'block' && (isLoopbackName(name) || addresses.some((address) => address.range() === 'loopback'));
  return { name, nameIsAddress: nameAddress !== null, port: target.port, addresses, loopback };
}

function entryMatches(entry: HostEntry, target: TargetFacts): boolean {
  if (entry.port !== undefined && entry.port !== target.port) return false;
  if (entry.loopback && target.loopback) return true;
  switch (entry.kind) {
    case 'name':
      // A glob such as `*` matches IP literals too, as the name of the URL.
      return globMatches(entry.host, target.name);
    case 'ip': {
      const wanted = ipaddr.process(entry.host).toNormalizedString();
      return target.addresses.some((address) => address.toNormalizedString() === wanted);
    }
    case 'cidr': {
      const [range, bits] = ipaddr.parseCIDR(entry.host);
      return target.addresses.some((address) => address.kind() === range.kind() && address.match(range, bits));
    }
  }
}

function normalize(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name.endsWith('.')) name = name.slice(0, -1);
  const zone = name.indexOf('%');
  return zone > 0 && name.includes(':') ? name.slice(0, zone) : name;
}

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(text)) return null;
  try {
    return ipaddr.parse(text);
  } catch {
    return null;
  }
}

/** The address, and the IPv4 address an IPv6 one carries (mapped, translated, NAT64, 6to4, compatible). */
function withEmbedded(address: ipaddr.IPv4 | ipaddr.IPv6): (ipaddr.IPv4 | ipaddr.IPv6)[] {
  if (address.kind() === 'ipv4') return [address];
  const v6 = address as ipaddr.IPv6;
  const p = v6.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const range = v6.range();
  const zeros = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || (range === 'rfc6052' && zeros(2, 6)) || zeros(0, 6)) {
    // ::/128 and ::1 are not IPv4-compatible addresses.
    if (zeros(0, 6) && p[6] === 0) return [v6];
    return [v6, v4(p[6]!, p[7]!)];
  }
  if (range === '6to4') return [v6, v4(p[1]!, p[2]!)];
  return [v6];
}

function isLoopbackAddress(text: string): boolean {
  const parsed = parseAddress(text);
  return parsed !== null && withEmbedded(parsed).some((address) => address.range() === 'loopback');
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * Whether a host (name or IP literal, optionally with the address it resolved to and the port)
 * matches any of the entries; narrow `allow` matching by default (allowed_hosts, SSRF exemptions).
 */
export function matchesHost(entries: readonly string[], host: string, port?: number, address?: string, mode: 'block' | 'allow' = 'allow'): boolean {
  return matchingHostEntry(entries, { name: host, port, address }, mode) !== undefined;
}
