import { UsageError } from '@aos-connectors/core';
import { fragmentText } from '../html/dom.js';
import type { SearchPage, SearchResult } from './types.js';

/** Brave serves at most 20 results a request and pages up to offset 9. */
export const BRAVE_PAGE_SIZE = 20;
const MAX_OFFSET = 9;
const FRESHNESS = { day: 'pd', week: 'pw', month: 'pm', year: 'py' } as const;

interface BraveResponse {
  query?: { more_results_available?: boolean };
  web?: { results?: { title?: string; url?: string; description?: string }[] };
}

/**
 * GET https://api.search.brave.com/res/v1/web/search — https://api-dashboard.search.brave.com/app/documentation/web-search/get-started
 * `offset` counts pages of `count` results; the token goes in X-Subscription-Token (the profile).
 */
export const bravePage: SearchPage = async (http, { query, language, time_range, safesearch }, page) => {
  const offset = page.cursor === null ? 0 : Number(page.cursor);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw new UsageError(`--cursor must be a page offset from 0 to ${MAX_OFFSET} (got "${page.cursor}")`);
  const body = await http.get<BraveResponse>('/res/v1/web/search', {
    query: {
      q: query,
      count: BRAVE_PAGE_SIZE,
      offset,
      search_lang: language,
      freshness: time_range && FRESHNESS[time_range],
      safesearch,
      text_decorations: false,
    },
    headers: { accept: 'application/json' },
  });
  const items: SearchResult[] = (body?.web?.results ?? [])
    .filter((r) => typeof r.url === 'string')
    .map((r) => ({ title: fragmentText(r.title), url: r.url!, snippet: fragmentText(r.description) }));
  return {
    items,
    next_cursor: body?.query?.more_results_available && items.length > 0 && offset < MAX_OFFSET ? String(offset + 1) : null,
    meta: { backend: 'brave' },
  };
};
