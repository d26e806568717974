import type { HttpClient, Page, PageRequest } from '@aos-connectors/core';

export interface SearchResult {
  title: string;
  url: string;
  snippet: string;
}

export interface SearchQuery {
  query: string;
  language?: string;
  time_range?: 'day' | 'week' | 'month' | 'year';
  safesearch?: 'off' | 'moderate' | 'strict';
}

/** One page of results from a search backend. */
export type SearchPage = (http: HttpClient, query: SearchQuery, page: PageRequest) => Promise<Page<SearchResult>>;
