import { UsageError } from '@aos-connectors/core';
import { fragmentText } from '../html/dom.js';
import type { SearchPage, SearchResult } from './types.js';

/** SearXNG serves a fixed number of results per page; --all stops after this many pages. */
const MAX_PAGES = 10;
const SAFESEARCH = { off: 0, moderate: 1, strict: 2 } as const;

interface SearxngResponse {
  query?: string;
  results?: { title?: string; url?: string; content?: string }[];
  unresponsive_engines?: unknown[];
}

/**
 * GET {SEARXNG_URL}/search?q=…&format=json&pageno=N — https://docs.searxng.org/dev/search_api.html
 * The instance must allow the json format (search.formats in its settings.yml).
 */
export const searxngPage: SearchPage = async (http, { query, language, time_range, safesearch }, page) => {
  const pageno = page.cursor === null ? 1 : Number(page.cursor);
  if (!Number.isInteger(pageno) || pageno < 1) throw new UsageError(`--cursor must be a page number (got "${page.cursor}")`);
  const body = await http.get<SearxngResponse>('/search', {
    query: { q: query, format: 'json', pageno, language, time_range, safesearch: safesearch && SAFESEARCH[safesearch] },
    headers: { accept: 'application/json' },
  });
  const items: SearchResult[] = (body?.results ?? [])
    .filter((r) => typeof r.url === 'string')
    .map((r) => ({ title: fragmentText(r.title), url: r.url!, snippet: fragmentText(r.content) }));
  return {
    items,
    next_cursor: items.length > 0 && pageno < MAX_PAGES ? String(pageno + 1) : null,
    meta: { backend: 'searxng' },
  };
};
