import { PolicyDeniedError } from '@aos-connectors/contract';
import { redactUrl } from '../../secrets/scrubber.js';
import type { AddressClass } from './classify.js';

export interface RefusalFacts {
  host: string;
  /** The resolved or literal address, when one is known. */
  address?: string;
  addressClass: AddressClass | 'scheme';
  url?: string;
  port?: number | string;
  /** What was checked: the URL before the request, or the address at connect time. */
  stage: 'url' | 'connect' | 'redirect';
}

/** The POLICY_DENIED error for a target the SSRF guard refuses. */
export function ssrfRefusal(facts: RefusalFacts): PolicyDeniedError {
  const where = facts.address && facts.address !== facts.host ? `${facts.host} (${facts.address})` : facts.host;
  const message =
    facts.addressClass === 'scheme'
      ? `Refusing ${facts.url ? redactUrl(facts.url) : facts.host}: only http and https URLs may be requested`
      : `Refusing to connect to ${where}: ${facts.addressClass.replace(/_/g, '-')} addresses are not allowed by the policy`;
  return new PolicyDeniedError(message, {
    details: {
      rule: 'ssrf',
      stage: facts.stage,
      url: facts.url ? redactUrl(facts.url) : null,
      host: facts.host,
      port: facts.port ?? null,
      address: facts.address ?? null,
      address_class: facts.addressClass,
      field: facts.addressClass === 'scheme' ? null : 'allow_private_network',
    },
    hint:
      facts.addressClass === 'scheme'
        ? undefined
        : 'If this host is meant to be reachable, list it in allowed_hosts or set allow_private_network in the policy file.',
  });
}

/**
 * The guard's refusal inside whatever fetch threw (`TypeError('fetch failed')` with the
 * refusal as its cause, ky's wrappers, AggregateError from happy-eyeballs connects), if any.
 */
export function ssrfRefusalOf(error: unknown): PolicyDeniedError | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof PolicyDeniedError) return current;
    queue.push((current as { cause?: unknown }).cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return undefined;
}
