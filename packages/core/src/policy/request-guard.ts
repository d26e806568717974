import { checkUrlTarget, type UrlSource } from '../http/ssrf/check-url.js';
import type { SsrfOptions } from '../http/ssrf/options.js';
import { checkHostAllowed } from './enforce.js';
import type { ToolPolicy } from './tool-policy.js';

export interface RequestGuard {
  /** For createSsrfDispatcher and checkUrlTarget. */
  readonly ssrf: SsrfOptions;
  /**
   * Vets one request URL: the policy's allowed/blocked hosts, then the SSRF pre-check. URLs on
   * the configured base URL's origin are trusted; any other URL is treated as `source`
   * (`input` by default; pass `redirect` for a Location hop). Throws POLICY_DENIED.
   */
  check(url: URL, source?: UrlSource): void;
}

/** The SSRF options a tool policy implies, trusting the operator-configured base URL. */
export function ssrfOptionsFromPolicy(policy: ToolPolicy, baseUrl?: string): SsrfOptions {
  return {
    allowPrivateNetwork: policy.allow_private_network,
    allowedHosts: policy.allowed_hosts,
    trustedOrigins: trustedOrigin(baseUrl),
    ...(hasHostRules(policy) ? { hostRules: policy } : {}),
  };
}

export function createRequestGuard(policy: ToolPolicy, configured: { baseUrl?: string } = {}): RequestGuard {
  const ssrf = ssrfOptionsFromPolicy(policy, configured.baseUrl);
  return {
    ssrf,
    check(url, source = 'input') {
      checkHostAllowed(policy, url);
      checkUrlTarget(url, source, ssrf);
    },
  };
}

/** Whether the policy restricts hosts: then every request, the base URL's too, goes through the guard. */
export function hasHostRules(policy: Pick<ToolPolicy, 'allowed_hosts' | 'blocked_hosts'>): boolean {
  return policy.allowed_hosts !== null || policy.blocked_hosts.length > 0;
}

function trustedOrigin(baseUrl: string | undefined): string[] {
  if (!baseUrl) return [];
  try {
    return [new URL(baseUrl).origin];
  } catch {
    // An unparsable base URL fails later, in the client, with its own message.
    return [];
  }
}
