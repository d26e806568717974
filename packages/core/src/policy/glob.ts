import ipaddr from 'ipaddr.js';

/**
 * Pattern matching for policy lists. `*` matches any run of characters (dots included, so
 * `issue.*` covers `issue.comment.create` and `*.github.com` covers `a.b.github.com` but not
 * `github.com` itself); `?` matches one character. Matching ignores case.
 */
export function globMatches(pattern: string, value: string): boolean {
  return globToRegExp(pattern).test(value);
}

const cache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (!regex) {
    const body = pattern
      .toLowerCase()
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${body}$`, 'is');
    cache.set(pattern, regex);
  }
  return regex;
}

/** Whether a command id matches any of the patterns. */
export function matchesCommand(patterns: readonly string[], commandId: string): boolean {
  return patterns.some((pattern) => globMatches(pattern, commandId));
}

/**
 * Whether a URL host matches any of the patterns: a host glob (`*.github.com`), an IP literal
 * (`10.0.0.5`, `[::1]` or `::1`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`) for literal hosts.
 */
export function matchesHost(patterns: readonly string[], host: string): boolean {
  const name = normalizeHost(host);
  return patterns.some((pattern) => hostPatternMatches(pattern, name));
}

/** The first pattern matching the host, for error details. */
export function matchingHostPattern(patterns: readonly string[], host: string): string | undefined {
  const name = normalizeHost(host);
  return patterns.find((pattern) => hostPatternMatches(pattern, name));
}

/** Lowercase, no IPv6 brackets, no trailing root dot. */
export function normalizeHost(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name.endsWith('.')) name = name.slice(0, -1);
  return name;
}

function hostPatternMatches(pattern: string, name: string): boolean {
  const normalized = normalizeHost(pattern);
  if (normalized.includes('/')) return cidrContains(normalized, name);
  if (ipaddr.isValid(normalized) && ipaddr.isValid(name)) return sameAddress(normalized, name);
  return globMatches(normalized, name);
}

function cidrContains(cidr: string, name: string): boolean {
  if (!ipaddr.isValidCIDR(cidr) || !ipaddr.isValid(name)) return false;
  const [range, bits] = ipaddr.parseCIDR(cidr);
  const address = ipaddr.process(name);
  return address.kind() === range.kind() && address.match(range, bits);
}

function sameAddress(a: string, b: string): boolean {
  return ipaddr.process(a).toNormalizedString() === ipaddr.process(b).toNormalizedString();
}
