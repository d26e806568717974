import { AuthFailedError, defineConnector, type AosError } from '@aos-connectors/core';
import { webFetch } from './commands/fetch.js';
import { webSearch } from './commands/search.js';
import { configuredBackend } from './search/backend.js';
import { bravePage } from './search/brave.js';
import { BRAVE_API, BRAVE_SEARCH_API_KEY, SEARXNG_URL, webHttp } from './http-profile.js';

/** Brave answers a bad key with 422 SUBSCRIPTION_TOKEN_INVALID, which is an auth failure. */
function mapBraveError(error: AosError): AosError | undefined {
  const vendor = error.details.vendor_error as { error?: { code?: unknown } } | undefined;
  if (error.code !== 'VALIDATION_FAILED' || !/SUBSCRIPTION_TOKEN/.test(String(vendor?.error?.code ?? ''))) return undefined;
  return new AuthFailedError(error.message.replace('was rejected as invalid', 'was refused'), {
    cause: error,
    details: error.details,
    hint: `Check ${BRAVE_SEARCH_API_KEY} in the Brave Search API dashboard.`,
  });
}

export const web = defineConnector({
  tool: 'aos-web',
  root: new URL('..', import.meta.url),
  backend: 'web',
  label: 'Web fetch and search',
  category: 'web',
  categories: ['web', 'search'],
  description: 'The web for agents: fetch a page as markdown or text (SSRF-guarded, bounded), and search through SearXNG or Brave.',
  auth: {
    kind: 'service-key',
    required: false,
    interactive_setup: [
      'web.fetch needs nothing.',
      `For web.search set ${SEARXNG_URL} to a SearXNG instance with the json format enabled (https://docs.searxng.org/admin/settings/settings_search.html), or ${BRAVE_SEARCH_API_KEY} to a key from https://api-dashboard.search.brave.com; SearXNG wins when both are set.`,
    ],
  },
  secrets: [{ name: BRAVE_SEARCH_API_KEY, required: false, description: 'Brave Search API subscription token (web.search, when SEARXNG_URL is unset)' }],
  settings: [{ name: SEARXNG_URL, description: 'SearXNG instance for web.search, e.g. http://localhost:8888 (trusted as configured)' }],
  http: webHttp,
  // The configured search backend answers: SearXNG's /config costs no upstream queries; Brave
  // has no free probe, so one single-result query proves the key.
  health: async (ctx) => {
    const backend = configuredBackend(ctx.settings);
    if (!backend) return { detail: `web.fetch ready; web.search needs ${SEARXNG_URL} or ${BRAVE_SEARCH_API_KEY}` };
    if (backend === 'searxng') {
      await ctx.http.get('/config', { headers: { accept: 'application/json' } });
      return { detail: `SearXNG at ${new URL(ctx.settings.get(SEARXNG_URL)!).host} answers` };
    }
    await bravePage(ctx.http, { query: 'health' }, { cursor: null, size: 1 });
    return { detail: `Brave Search (${new URL(BRAVE_API).host}) accepted the key` };
  },
  mapError: mapBraveError,
  commands: [webFetch, webSearch],
});

export default web;
