import type { HttpExchange } from '../audit/audit-log.js';
import { AuthRequiredError, ConfigError, UsageError } from '@aos-connectors/contract';
import { BackendUnavailableError, TimeoutError } from '@aos-connectors/contract';
import { isAosError } from '@aos-connectors/contract';
import { REDACTED, redactHeaders, redactUrl } from '../secrets/scrubber.js';
import type { Deadline } from './deadline.js';
import { followRedirects } from './ssrf/redirects.js';
import { ssrfRefusalOf } from './ssrf/refusal.js';
import { DryRunCapture } from './dry-run.js';
import { mapVendorFailure, type AuthContext } from './map-status.js';
import { checkJsonDepth, MAX_JSON_DEPTH, DEFAULT_MAX_RESPONSE_BYTES, readBodyCapped } from './read-body.js';
import { checkShape } from './expect.js';
import { looksRateLimited, retryAfterSeconds } from './retry-timing.js';
import type { HttpClient, HttpProfile, HttpResponse, Query, RequestOptions } from './types.js';

/** Retried after a failure whatever the command does: they change nothing. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Idempotent by HTTP's definition, yet a retry can misreport (a DELETE that succeeded answers 404 the second time). */
const IDEMPOTENT_WRITES = new Set(['PUT', 'DELETE']);
/** Without a caller deadline, the longest rate-limit wait we sit through before failing. */
const MAX_UNBOUNDED_WAIT_S = 60;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_RECORDED_EXCHANGES = 200;

export interface HttpClientOptions {
  userAgent: string;
  profile: HttpProfile;
  baseUrl: string;
  secret: (name: string) => string | undefined;
  requiredSecrets: string[];
  deadline: Deadline;
  dryRun: boolean;
  exchanges: HttpExchange[];
  requestIds: string[];
  log: (message: string) => void;
  maxResponseBytes?: number;
  retries?: number;
  /**
   * Whether the command's writes may be retried after a failure (default true). The harness
   * passes false for destructive commands: a `pr merge` or `branch delete` that failed with a
   * 502 may have happened, and a retry would then report NOT_FOUND or CONFLICT for a success.
   * GET/HEAD/OPTIONS are retried regardless; POST/PATCH only with `idempotent: true` (a vendor
   * idempotency key), and never when this is false.
   */
  retryable?: boolean;
  /** The secrets' env var names and the command's declared scopes, named in the hint of a 401/403. */
  auth?: AuthContext;
  /** Vets every request URL and every redirect hop; throw to refuse (host policy, SSRF guard). */
  beforeRequest?: (url: URL, source: 'input' | 'redirect') => Promise<void> | void;
  /** The dispatcher a connection to `url` must use (the SSRF guard's, for untrusted hosts). */
  dispatcherFor?: (url: URL) => Promise<RequestInit['dispatcher'] | undefined>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);

  function resolve(path: string, query?: Query): URL {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(path);
    const url = absolute ? new URL(path) : new URL(path.replace(/^\/+/, ''), base);
    if (absolute && url.origin !== base.origin && !options.profile.allowForeignUrls) {
      // Never send the connector's credentials to a host the operator did not configure.
      throw new BackendUnavailableError(`Refusing to follow a URL outside ${base.origin}`, {
        details: { url: redactUrl(url.toString()), retryable: false },
      });
    }
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
      else url.searchParams.set(name, String(value));
    }
    return url;
  }

  function headersFor(url: URL, requestOptions: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': options.userAgent, ...lower(options.profile.headers) };
    const haveSecrets = options.requiredSecrets.every((name) => options.secret(name));
    // Credentials go to the configured host only, never to a URL that came from input.
    if (options.profile.auth && haveSecrets && url.origin === base.origin) Object.assign(headers, lower(options.profile.auth(options.secret)));
    if (requestOptions.json !== undefined) headers['content-type'] = 'application/json';
    return Object.assign(headers, lower(requestOptions.headers));
  }

  async function request<T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<HttpResponse<T>> {
    method = method.toUpperCase();
    const url = resolve(path, requestOptions.query);
    refuseCredentialsInUrl(url, base);
    const headers = headersFor(url, requestOptions);
    const body = requestOptions.json !== undefined ? JSON.stringify(requestOptions.json) : requestOptions.body;

    if (options.dryRun) {
      throw new DryRunCapture({
        method,
        url: redactUrl(url.toString()),
        headers: redactHeaders(headers),
        body: requestOptions.json ?? (body === undefined ? null : String(body)),
      });
    }
    const missing = options.requiredSecrets.filter((name) => !options.secret(name));
    if (missing.length > 0) {
      throw new AuthRequiredError(`${missing.join(', ')} is not set`, {
        details: { missing },
        hint: `Set ${missing.join(' and ')} in the environment (see \`config show\`).`,
      });
    }
    // What was asked for, as people read it: method and path, never the query, secrets taken out.
    const what = `${method} ${withoutSecrets(url.pathname)}`;
    const { default: ky, isHTTPError, isNetworkError, isTimeoutError } = await import('ky');
    const deadline = options.deadline;
    const writesRetryable = options.retryable !== false;
    const retryable =
      SAFE.has(method) || (writesRetryable && (IDEMPOTENT_WRITES.has(method) || requestOptions.idempotent === true));
    const accept = new Set(requestOptions.acceptStatus ?? []);

    // One attempt as ky sees it: redirects are followed by hand so each hop is vetted, and
    // each hop is one recorded exchange.
    const redirects: { status: number; url: string }[] = [];
    const recordingFetch = async (input: Request | string | URL, init?: RequestInit) => {
      redirects.length = 0; // a retry starts over
      const first = new Request(input, init);
      await options.beforeRequest?.(new URL(first.url), 'input');
      return followRedirects(first, send, { checkHop: (hop) => options.beforeRequest?.(hop, 'redirect') });
    };
    let lastHopTarget: string | undefined;
    const send = async (request: Request) => {
      lastHopTarget = request.url;
      const dispatcher = await options.dispatcherFor?.(new URL(request.url));
      const started = Date.now();
      const exchange: HttpExchange = { method: request.method, url: redactUrl(request.url), status: null, request_id: null, duration_ms: 0 };
      options.exchanges.push(exchange);
      // Long-running commands (gateways) must not grow the audit record without bound.
      if (options.exchanges.length > MAX_RECORDED_EXCHANGES) options.exchanges.shift();
      options.log(`→ ${request.method} ${exchange.url}`);
      try {
        const response = await fetch(request, dispatcher ? { dispatcher } : undefined);
        exchange.status = response.status;
        if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
          redirects.push({ status: response.status, url: redactUrl(request.url) });
        }
        const header = options.profile.requestIdHeader;
        exchange.request_id = header ? response.headers.get(header) : null;
        if (exchange.request_id) options.requestIds.push(exchange.request_id);
        options.log(`← ${response.status} ${exchange.url}`);
        return response;
      } catch (error) {
        exchange.error = (error as Error).name;
        // A connect-time SSRF refusal is final: rethrown as itself, ky does not retry it.
        throw ssrfRefusalOf(error) ?? error;
      } finally {
        exchange.duration_ms = Date.now() - started;
      }
    };

    let response: Response;
    try {
      const remaining = deadline.remainingMs();
      response = await ky(url, {
        method,
        headers,
        body,
        signal: requestOptions.signal ? AbortSignal.any([deadline.signal, requestOptions.signal]) : deadline.signal,
        fetch: recordingFetch,
        timeout: Math.min(remaining ?? DEFAULT_ATTEMPT_TIMEOUT_MS, DEFAULT_ATTEMPT_TIMEOUT_MS) || 1,
        totalTimeout: remaining === undefined ? false : Math.max(1, remaining),
        throwHttpErrors: (status) => !accept.has(status) && (status < 200 || status > 299),
        retry: {
          limit: retryable ? (options.retries ?? 2) : 0,
          methods: retryable ? [method.toLowerCase()] : [],
          statusCodes: [403, 408, 429, 500, 502, 503, 504],
          afterStatusCodes: [403, 429, 503],
          jitter: true,
          backoffLimit: 5_000,
          shouldRetry: ({ error }) => {
            if (!isHTTPError(error)) return undefined;
            const failed = error.response;
            const rateLimited = (options.profile.isRateLimited ?? looksRateLimited)(failed);
            if (failed.status === 403 && !rateLimited) return false;
            const wait = retryAfterSeconds(failed.headers);
            if (wait === undefined) return undefined;
            const left = deadline.remainingMs();
            // Honour the vendor's wait only when it ends before the caller's deadline; `undefined`
            // lets ky apply the wait from the header (`true` would replace it with plain backoff).
            const fits = left === undefined ? wait <= MAX_UNBOUNDED_WAIT_S : wait * 1000 < left;
            return fits ? undefined : false;
          },
        },
      });
    } catch (error) {
      throw mapRequestError(error, what, { isHTTPError, isNetworkError, isTimeoutError });
    }

    let text: string;
    try {
      text = await readBodyCapped(response, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    } catch (error) {
      throw mapRequestError(error, what, { isHTTPError, isNetworkError, isTimeoutError });
    }
    let data: unknown = text;
    if (requestOptions.responseType !== 'text') {
      data = text.trim() === '' ? null : parseJson(text, what, response.status);
      options.profile.checkBody?.(data, response);
      if (requestOptions.expect) checkShape(requestOptions.expect, data, what, response.status);
    }
    const finalUrl = (redirects.length ? lastHopTarget : undefined) ?? (response.url || url.toString());
    return { status: response.status, headers: response.headers, data: data as T, url: finalUrl, redirects: [...redirects] };

    function mapRequestError(error: unknown, label: string, guards: KyGuards): unknown {
      if (error instanceof DryRunCapture || isAosError(error)) return error;
      if (guards.isHTTPError(error)) {
        const failed = error.response;
        const vendorBody = error.data;
        return mapVendorFailure(
          {
            status: failed.status,
            vendorMessage: (options.profile.errorMessage ?? defaultErrorMessage)(vendorBody),
            body: vendorBody,
            rateLimited: (options.profile.isRateLimited ?? looksRateLimited)(failed),
            retryAfterS: retryAfterSeconds(failed.headers),
            requestId: options.profile.requestIdHeader ? failed.headers.get(options.profile.requestIdHeader) : null,
          },
          label,
          options.auth,
        );
      }
      const timedOut = guards.isTimeoutError(error) || deadline.signal.aborted || (error as Error)?.name === 'TimeoutError';
      if (timedOut) {
        const limit = deadline.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
        return new TimeoutError(`${label} got no answer within ${limit} ms`, {
          cause: error,
          details: { timeout_ms: limit, retryable: true },
          hint: 'Raise --timeout-ms or try again later.',
        });
      }
      if (guards.isNetworkError(error) || error instanceof TypeError) {
        const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
        const code = cause?.code ?? cause?.cause?.code ?? 'network error';
        return new BackendUnavailableError(`${label} could not reach ${url.host} (${code})`, {
          cause: error,
          details: { retryable: true, network_error: code },
          hint: 'Check the network and the base URL in `config show`.',
        });
      }
      return error;
    }
  }

  /** A path with the value of every secret the client knows replaced (a bot token in the path). */
  function withoutSecrets(path: string): string {
    let out = path;
    for (const name of new Set([...options.requiredSecrets, ...(options.auth?.secrets ?? [])])) {
      const value = options.secret(name);
      if (value && value.length >= 4) {
        out = out.split(value).join(REDACTED);
        const encoded = encodeURIComponent(value);
        if (encoded !== value) out = out.split(encoded).join(REDACTED);
      }
    }
    return out;
  }

  const shortcut = (method: string) => async <T>(path: string, requestOptions?: RequestOptions) =>
    (await request<T>(method, path, requestOptions)).data;

  return {
    request,
    get: shortcut('GET'),
    post: shortcut('POST'),
    put: shortcut('PUT'),
    patch: shortcut('PATCH'),
    delete: shortcut('DELETE'),
    url: (path, query) => resolve(path, query).toString(),
  };
}

/**
 * fetch refuses a URL with `user:password@` (and would turn it into a bare "network error"); the
 * connector never sends such credentials anyway. Refused up front with an error saying how to
 * pass them, the URL shown with the credentials redacted.
 */
function refuseCredentialsInUrl(url: URL, base: URL): void {
  if (!url.username && !url.password) return;
  const shown = redactUrl(url.toString());
  if (url.origin === base.origin && (base.username || base.password)) {
    throw new ConfigError(`The configured base URL carries credentials (${redactUrl(base.toString())}); they are not sent`, {
      details: { url: shown },
      hint: 'Remove user:password@ from the base URL and set the connector\'s secret settings instead (see `config show`).',
    });
  }
  throw new UsageError(`Refusing ${shown}: credentials in URLs (user:password@host) are not sent`, {
    details: { url: shown, field: 'url' },
    hint: 'Remove user:password@ from the URL; pass credentials through the connector\'s secret settings or a header option, never inside the URL.',
  });
}

type KyGuards = {
  isHTTPError: (e: unknown) => e is import('ky').HTTPError;
  isNetworkError: (e: unknown) => boolean;
  isTimeoutError: (e: unknown) => boolean;
};

function parseJson(text: string, what: string, status: number): unknown {
  try {
    checkJsonDepth(text);
  } catch (error) {
    throw new BackendUnavailableError(`${what} returned JSON nested more than ${MAX_JSON_DEPTH} levels deep (HTTP ${status}); refused`, {
      cause: error,
      details: { http_status: status, ...(error as BackendUnavailableError).details },
      hint: (error as BackendUnavailableError).hint,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BackendUnavailableError(`${what} returned malformed JSON (HTTP ${status})`, {
      cause: error,
      details: { http_status: status, retryable: false },
    });
  }
}

function defaultErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'error', 'detail', 'title']) {
    const value = record[key];
    if (typeof value === 'string' && value) return value;
    if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
      return (value as { message: string }).message;
    }
  }
  return undefined;
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}
