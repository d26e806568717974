import type { HostRules } from '../../policy/enforce.js';
import { normalizeHost } from '../../policy/glob.js';
import { matchesHost } from '../../policy/host-rules.js';
import type { AddressClass } from './classify.js';

/** What lifts the SSRF guard's refusals; built from the policy by ssrfOptionsFromPolicy. */
export interface SsrfOptions {
  /** Policy `allow_private_network`: private, loopback, link-local… become reachable (metadata stays refused). */
  allowPrivateNetwork?: boolean;
  /**
   * Policy `allowed_hosts`: a host (or address, or CIDR range) listed here is reachable whatever
   * it resolves to. A bare `*` does not count, and a metadata target must be listed literally.
   */
  allowedHosts?: readonly string[] | null;
  /** Origins the operator configured (the connector's base URL): trusted as configured. */
  trustedOrigins?: readonly string[];
  /**
   * The policy's allowed_hosts / blocked_hosts, checked again on every connection (the trusted
   * origin's too) against the address actually connected to. Absent: no host rules.
   */
  hostRules?: HostRules;
}

/** Whether a refused class is nevertheless allowed for this host / address. */
export function isExempt(options: SsrfOptions, cls: AddressClass, host: string, address?: string, port?: number): boolean {
  if (cls === 'public') return true;
  const listed = (options.allowedHosts ?? []).filter((pattern) => pattern.trim() !== '*');
  if (cls === 'metadata') {
    // Credentials live behind metadata endpoints: only an exact, wildcard-free entry opens one.
    const literal = listed.filter((pattern) => !/[*?/]/.test(pattern));
    return matchesHost(literal, host, port, address);
  }
  if (options.allowPrivateNetwork) return true;
  return matchesHost(listed, host, port, address);
}

/** Whether `url` (or a connection's protocol, host and port) is on a trusted origin. */
export function isTrustedOrigin(options: SsrfOptions, url: URL | OriginParts): boolean {
  const key = originKey(url);
  return (options.trustedOrigins ?? []).some((origin) => URL.canParse(origin) && originKey(new URL(origin)) === key);
}

export interface OriginParts {
  protocol: string;
  hostname: string;
  port: string | number;
}

/** `protocol//host:port`, default port spelled out and brackets dropped, so `https://x` equals `https://x:443`. */
function originKey(origin: URL | OriginParts): string {
  const port = String(origin.port || (origin.protocol === 'https:' ? 443 : 80));
  return `${origin.protocol}//${normalizeHost(origin.hostname)}:${port}`;
}
