import type * as z from 'zod';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: string | URLSearchParams;
  headers?: Record<string, string>;
  /** Treat a non-idempotent method as safe to retry (e.g. POST with an idempotency key). */
  idempotent?: boolean;
  /** Return the raw text instead of parsing JSON. */
  responseType?: 'json' | 'text';
  /** Expected 2xx statuses other than the usual (e.g. 304 for conditional GET). */
  acceptStatus?: number[];
  /**
   * The shape a 2xx JSON answer must have. A mismatch (`{}` where `{result: …}` is documented)
   * is the vendor's unexpected answer: BACKEND_UNAVAILABLE with `details.expected` and the
   * issues, never a TypeError later in the handler. The data returned is the body as received
   * (fields the schema does not name are kept).
   */
  expect?: z.ZodType;
  /** Cancels this request early (a gateway stopping mid long-poll); the caller's deadline always applies too. */
  signal?: AbortSignal;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  url: string;
  /** The redirect hops followed to get here (status and the URL that answered with it). */
  redirects: { status: number; url: string }[];
}

export interface HttpClient {
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  post<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  put<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  patch<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  /** The absolute URL a path resolves to (for dry runs and messages). */
  url(path: string, query?: Query): string;
}

/** How a connector talks to its vendor: declared once, used by the core client. */
export interface HttpProfile {
  /** Base URL and the setting that overrides it (enterprise hosts, tests). */
  baseUrl: { setting: string; default: string };
  /** Headers sent on every request (Accept, API version). */
  headers?: Record<string, string>;
  /** Credentials as headers, from the resolved secrets; called only when the secrets are set. */
  auth?: (secret: (name: string) => string | undefined) => Record<string, string>;
  /** Secrets a request cannot be made without (default: every required secret). */
  requiredSecrets?: string[];
  /** Header carrying the vendor's request id, for the audit log and meta.request_ids. */
  requestIdHeader?: string;
  /** Pulls the vendor's human message out of an error body. */
  errorMessage?: (body: unknown) => string | undefined;
  /** Inspects a 2xx body that may still be an error (Slack's `ok:false`). Throw an AosError to fail. */
  checkBody?: (body: unknown, response: Response) => void;
  /**
   * Whether absolute URLs on other hosts may be requested (fetchers of URLs given as input).
   * Such requests never carry the connector's credentials and always pass the SSRF guard.
   */
  allowForeignUrls?: boolean;
  /** Whether a response is rate limiting even though its status is not 429 (GitHub's 403s). */
  isRateLimited?: (response: Response) => boolean;
}
