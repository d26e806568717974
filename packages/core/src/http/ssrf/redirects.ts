import { BackendUnavailableError } from '@aos-connectors/contract';
import { redactUrl } from '../../secrets/scrubber.js';
import { ssrfRefusal } from './refusal.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that may follow a redirect to another origin; everything else may carry credentials. */
const CROSS_ORIGIN_SAFE = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'user-agent']);
export const DEFAULT_MAX_REDIRECTS = 5;

export interface RedirectOptions {
  /**
   * Vets each hop's URL before it is requested; throw to refuse. Typically the host policy plus
   * `checkUrlTarget(url, 'redirect', ssrf)` — see createRequestGuard.
   */
  checkHop(url: URL, from: URL): void | Promise<void>;
  maxRedirects?: number;
}

/**
 * Follows redirects by hand (each request is sent with `redirect: 'manual'`), so every hop is
 * vetted before it is requested and credentials never follow a hop to another origin.
 * `send` performs one request (fetch with the SSRF dispatcher, plus recording for the audit log).
 * 303, and 301/302 after a POST, become GET without a body, as browsers do; 307/308 resend the
 * same method and body. Returns the first non-redirect response.
 */
export async function followRedirects(
  first: Request,
  send: (request: Request) => Promise<Response>,
  options: RedirectOptions,
): Promise<Response> {
  const max = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // Kept so that 307/308 can resend it: a Request body is a one-shot stream.
  const body = first.body ? await first.clone().arrayBuffer() : undefined;
  let method = first.method;
  let headers = new Headers(first.headers);
  let payload = body;
  let request = new Request(first, { redirect: 'manual' });

  for (let hop = 0; ; hop++) {
    const response = await send(request);
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => undefined);

    const from = new URL(request.url);
    const next = parseLocation(location, from);
    if (hop >= max) {
      throw new BackendUnavailableError(`Stopped after ${max} redirects at ${redactUrl(from.toString())}`, {
        details: { max_redirects: max, url: redactUrl(from.toString()), retryable: false },
      });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw ssrfRefusal({ host: next.hostname, addressClass: 'scheme', url: next.toString(), stage: 'redirect' });
    }
    if (next.username || next.password) {
      // fetch refuses such a URL; say so instead of a bare network error, credentials redacted.
      throw new BackendUnavailableError(`${redactUrl(from.toString())} redirected to a URL with credentials (${redactUrl(next.toString())}); not followed`, {
        details: { url: redactUrl(from.toString()), location: redactUrl(next.toString()), retryable: false },
      });
    }
    await options.checkHop(next, from);

    if (response.status === 303 ? method !== 'HEAD' : (response.status === 301 || response.status === 302) && method === 'POST') {
      method = 'GET';
      payload = undefined;
      headers.delete('content-type');
      headers.delete('content-length');
    }
    if (next.origin !== from.origin) headers = safeHeaders(headers);
    request = new Request(next, { method, headers, body: payload, redirect: 'manual', signal: first.signal });
  }
}

function parseLocation(location: string, from: URL): URL {
  try {
    return new URL(location, from);
  } catch (error) {
    throw new BackendUnavailableError(`${redactUrl(from.toString())} redirected to an invalid URL`, {
      cause: error,
      details: { url: redactUrl(from.toString()), retryable: false },
    });
  }
}

function safeHeaders(headers: Headers): Headers {
  const kept = new Headers();
  for (const [name, value] of headers) if (CROSS_ORIGIN_SAFE.has(name)) kept.set(name, value);
  return kept;
}
