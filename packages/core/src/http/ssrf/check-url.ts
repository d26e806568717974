import { classifyAddress, type AddressClass } from './classify.js';
import { classifyHostName } from './host-names.js';
import { isExempt, isTrustedOrigin, type SsrfOptions } from './options.js';
import { ssrfRefusal } from './refusal.js';

/** The URL's port, the scheme's default spelled out. */
function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

/**
 * Where a URL came from, which decides how much it is trusted (CONTRACT §10):
 * - `configured`: the operator's base URL (e.g. GITHUB_API_URL): trusted as configured;
 * - `input`: from command input (a page to fetch, a feed, a webhook target);
 * - `redirect`: a Location header. Input and redirect URLs are checked unless they stay on a
 *   trusted origin.
 */
export type UrlSource = 'configured' | 'input' | 'redirect';

const SCHEMES = new Set(['http:', 'https:']);

/**
 * The check made before a request: the scheme, and for untrusted URLs whatever can be decided
 * without DNS (IP literals in any encoding — the URL parser already normalized `0x7f.1` and
 * friends — `localhost`, metadata names). Names are checked again on the address actually
 * connected to, by the dispatcher from createSsrfDispatcher. Throws POLICY_DENIED.
 */
export function checkUrlTarget(url: URL | string, source: UrlSource, options: SsrfOptions = {}): void {
  const target = typeof url === 'string' ? new URL(url) : url;
  const stage = source === 'redirect' ? 'redirect' : 'url';
  if (!SCHEMES.has(target.protocol)) {
    throw ssrfRefusal({ host: target.hostname, addressClass: 'scheme', url: target.toString(), stage });
  }
  if (source === 'configured' || isTrustedOrigin(options, target)) return;
  const refused = refusedClass(target.hostname, options, portOf(target));
  if (refused) throw ssrfRefusal({ ...refused, url: target.toString(), port: target.port || undefined, stage });
}

/** The class that makes `host` refused (by literal address or by name), or undefined. */
export function refusedClass(
  host: string,
  options: SsrfOptions,
  port?: number,
): { host: string; address?: string; addressClass: AddressClass } | undefined {
  const literal = classifyAddress(host);
  if (literal) {
    if (isExempt(options, literal.class, host, literal.address, port)) return undefined;
    return { host, address: literal.address, addressClass: literal.class };
  }
  const byName = classifyHostName(host);
  if (byName && !isExempt(options, byName, host, undefined, port)) return { host, addressClass: byName };
  return undefined;
}

/** The check made at connect time, on one address a name resolved to. */
export function checkResolvedAddress(host: string, address: string, options: SsrfOptions, port?: number | string): void {
  const portNumber = port === undefined || port === '' ? undefined : Number(port);
  const name = classifyHostName(host);
  if (name && !isExempt(options, name, host, address, portNumber)) throw ssrfRefusal({ host, address, addressClass: name, port, stage: 'connect' });
  const resolved = classifyAddress(address);
  // A resolver answer that is not an address at all is refused rather than guessed at.
  const cls: AddressClass = resolved?.class ?? 'reserved';
  if (!isExempt(options, cls, host, resolved?.address ?? address, portNumber)) {
    throw ssrfRefusal({ host, address: resolved?.address ?? address, addressClass: cls, port, stage: 'connect' });
  }
}
