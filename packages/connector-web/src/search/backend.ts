import { ConfigError, type Settings } from '@aos-connectors/core';
import { BRAVE_SEARCH_API_KEY, SEARXNG_URL } from '../http-profile.js';
import { bravePage } from './brave.js';
import { searxngPage } from './searxng.js';
import type { SearchPage } from './types.js';

export type SearchBackendName = 'searxng' | 'brave';

/** The configured backend: SearXNG when SEARXNG_URL is set (it wins), else Brave with its key. */
export function configuredBackend(settings: Settings): SearchBackendName | undefined {
  if (settings.get(SEARXNG_URL)) return 'searxng';
  if (settings.get(BRAVE_SEARCH_API_KEY)) return 'brave';
  return undefined;
}

export function searchBackend(settings: Settings): { name: SearchBackendName; page: SearchPage } {
  const name = configuredBackend(settings);
  if (!name) {
    throw new ConfigError(`web.search needs ${SEARXNG_URL} or ${BRAVE_SEARCH_API_KEY}`, {
      details: { missing: [SEARXNG_URL, BRAVE_SEARCH_API_KEY] },
      hint: `Set ${SEARXNG_URL} to a SearXNG instance with the json format enabled, or ${BRAVE_SEARCH_API_KEY} to a Brave Search API key.`,
    });
  }
  return { name, page: name === 'searxng' ? searxngPage : bravePage };
}
