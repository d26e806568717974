import * as z from 'zod';
import { command, ConfigError, isAosError } from '@aos-connectors/core';
import { searchBackend } from '../search/backend.js';
import { BRAVE_PAGE_SIZE } from '../search/brave.js';

/**
 * Web search through the configured backend (SearXNG or Brave), results as {title, url, snippet}.
 * Both serve fixed-size pages: the core pager cuts a page at --limit and resumes inside it.
 */
export const webSearch = command({
  id: 'web.search',
  summary: 'Search the web (SearXNG or Brave Search, whichever is configured)',
  resource: 'search_result',
  action: 'read',
  risk: 1,
  input: z.object({
    query: z.string().trim().min(1).max(400).describe('Search terms (at most 400 characters)'),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/).optional().describe('Language of results, e.g. "en" or "de"'),
    time_range: z.enum(['day', 'week', 'month', 'year']).optional().describe('Only results from the last day, week, month or year'),
    safesearch: z.enum(['off', 'moderate', 'strict']).optional().describe('Safe-search level (default: the backend\'s)'),
  }),
  positionals: ['query'],
  list: { key: 'results', maxPageSize: BRAVE_PAGE_SIZE, defaultLimit: 10, columns: ['title', 'url'] },
  examples: ['aos-web --json web search "rust async runtime" --limit 5'],
  output: z.object({
    title: z.string().describe('Title of the result'),
    url: z.string().describe('URL of the result'),
    snippet: z.string().describe('Text excerpt the backend shows for it (may be empty)'),
  }),
  run: async (input, { http, settings, page }) => {
    const backend = searchBackend(settings);
    try {
      return await backend.page(http, input, page);
    } catch (error) {
      // SearXNG answers 403 when its json format is off (or its limiter blocks the client).
      if (backend.name === 'searxng' && isAosError(error) && error.details.http_status === 403) {
        throw new ConfigError('The SearXNG instance refused the JSON API (HTTP 403)', {
          cause: error,
          details: error.details,
          hint: 'Enable "json" in search.formats of the instance\'s settings.yml, and let this client past its limiter.',
        });
      }
      throw error;
    }
  },
});
