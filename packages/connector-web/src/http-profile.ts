import type { HttpProfile } from '@aos-connectors/core';

export const SEARXNG_URL = 'SEARXNG_URL';
export const BRAVE_SEARCH_API_KEY = 'BRAVE_SEARCH_API_KEY';
export const BRAVE_API = 'https://api.search.brave.com';

interface BraveErrorBody {
  error?: { code?: string; detail?: string };
}

/**
 * The messages worth a line: Brave's `{error: {code, detail}}` and short plain-text bodies.
 * A web page's HTML error page is noise, so it gives none.
 */
export function webErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return /<[a-z!]/i.test(body) ? undefined : body.trim().slice(0, 200) || undefined;
  const error = (body as BraveErrorBody | null)?.error;
  return error?.detail ?? error?.code;
}

/**
 * One client for both jobs. The configured search API is the base URL (trusted as configured):
 * SEARXNG_URL when set, else Brave's API, which alone gets the subscription token. Pages to
 * fetch come from input: `allowForeignUrls` lets the core request them, never with credentials
 * and always through the SSRF guard and the policy's host checks.
 */
export const webHttp: HttpProfile = {
  baseUrl: { setting: SEARXNG_URL, default: BRAVE_API },
  headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8' },
  // Sent only to the base origin; with SEARXNG_URL set that is SearXNG, which must not get it.
  auth: (secret): Record<string, string> => {
    const key = secret(BRAVE_SEARCH_API_KEY);
    return key && !secret(SEARXNG_URL) ? { 'x-subscription-token': key } : {};
  },
  requiredSecrets: [],
  allowForeignUrls: true,
  errorMessage: webErrorMessage,
};
