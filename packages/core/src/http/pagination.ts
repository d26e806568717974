import type { Page, PageRequest } from '../harness/types.js';
import { UsageError } from '@aos-connectors/contract';
import { BackendUnavailableError } from '@aos-connectors/contract';
import type { HttpClient, Query } from './types.js';

type ItemsOf = (body: unknown) => unknown[];

const asArray: ItemsOf = (body) => {
  if (Array.isArray(body)) return body;
  // The vendor answered 2xx with something other than the documented list: not our bug.
  throw new BackendUnavailableError('The API answered with an unexpected shape (expected a JSON array)', {
    details: { retryable: false, received: body === null ? 'null' : typeof body },
  });
};

/** Parses an RFC 8288 `Link` header into rel → URL. */
export function parseLinkHeader(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (!match) continue;
    const rel = /rel="?([^";]+)"?/i.exec(match[2]!)?.[1];
    if (rel) for (const name of rel.split(/\s+/)) links[name] = match[1]!;
  }
  return links;
}

/**
 * One page of a `Link`-header API (GitHub and others). The cursor is the `next` link made
 * relative to the base URL, so it can only ever point back at the configured host.
 */
export async function linkPage<T>(
  http: HttpClient,
  path: string,
  query: Query,
  page: PageRequest,
  options: { perPageParam?: string; items?: ItemsOf } = {},
): Promise<Page<T>> {
  const response = page.cursor
    ? await http.request(`GET`, cursorToPath(http, page.cursor))
    : await http.request('GET', path, { query: { ...query, [options.perPageParam ?? 'per_page']: page.size } });
  const items = (options.items ?? asArray)(response.data) as T[];
  const next = parseLinkHeader(response.headers.get('link')).next;
  return { items, next_cursor: next ? pathToCursor(http, next) : null };
}

/** One page of a body-cursor API (Slack's `response_metadata.next_cursor` and the like). */
export async function cursorPage<T>(
  http: HttpClient,
  path: string,
  query: Query,
  page: PageRequest,
  options: { cursorParam?: string; sizeParam?: string; items: ItemsOf; nextCursor: (body: unknown) => string | null | undefined },
): Promise<Page<T>> {
  const data = await http.get(path, {
    query: { ...query, [options.sizeParam ?? 'limit']: page.size, [options.cursorParam ?? 'cursor']: page.cursor ?? undefined },
  });
  const next = options.nextCursor(data);
  return { items: options.items(data) as T[], next_cursor: next ? next : null };
}

/** One page of a page-number API; a short page means the last one. */
export async function numberedPage<T>(
  http: HttpClient,
  path: string,
  query: Query,
  page: PageRequest,
  options: { pageParam?: string; sizeParam?: string; firstPage?: number; items?: ItemsOf } = {},
): Promise<Page<T>> {
  const first = options.firstPage ?? 1;
  const number = page.cursor === null ? first : Number(page.cursor);
  if (!Number.isInteger(number) || number < first) throw new UsageError(`--cursor must be a page number (got "${page.cursor}")`);
  const data = await http.get(path, {
    query: { ...query, [options.pageParam ?? 'page']: number, [options.sizeParam ?? 'per_page']: page.size },
  });
  const items = (options.items ?? asArray)(data) as T[];
  return { items, next_cursor: items.length >= page.size ? String(number + 1) : null };
}

function pathToCursor(http: HttpClient, next: string): string {
  const base = http.url('');
  return next.startsWith(base) ? next.slice(base.length) : next;
}

function cursorToPath(http: HttpClient, cursor: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(cursor) && !cursor.startsWith(http.url(''))) {
    throw new UsageError('--cursor must be a cursor returned by this connector');
  }
  return cursor;
}
