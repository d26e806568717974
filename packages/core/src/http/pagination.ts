import type { Page, PageRequest } from '../harness/types.js';
import { UsageError } from '@aos-connectors/contract';
import { BackendUnavailableError } from '@aos-connectors/contract';
import { decodeLinkCursor, encodeLinkCursor } from '../harness/list-cursor.js';
import { redactUrl } from '../secrets/scrubber.js';
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
 * relative to the base URL behind a tag (see encodeLinkCursor in harness/list-cursor.ts); a
 * `--cursor` is decoded and checked structurally before any request, so it can only ever name a
 * page under the configured base URL. A `next` link pointing outside the base URL, or back at
 * the page just fetched, is the vendor's fault: BACKEND_UNAVAILABLE rather than a loop.
 */
export async function linkPage<T>(
  http: HttpClient,
  path: string,
  query: Query,
  page: PageRequest,
  options: { perPageParam?: string; items?: ItemsOf } = {},
): Promise<Page<T>> {
  const base = new URL(http.url(''));
  const response = page.cursor
    ? await http.request('GET', decodeLinkCursor(page.cursor, base).toString())
    : await http.request('GET', path, { query: { ...query, [options.perPageParam ?? 'per_page']: page.size } });
  const items = (options.items ?? asArray)(response.data) as T[];
  const next = parseLinkHeader(response.headers.get('link')).next;
  return { items, next_cursor: next ? nextLinkCursor(next, response.url, base) : null };
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

function nextLinkCursor(next: string, current: string, base: URL): string {
  let url: URL;
  try {
    url = new URL(next, current);
  } catch (error) {
    throw new BackendUnavailableError('The API answered with an invalid next-page link', { cause: error, details: { retryable: false } });
  }
  if (url.href === new URL(current).href) {
    throw new BackendUnavailableError('The API answered with a next-page link to the page just fetched; stopped instead of fetching it forever', {
      details: { retryable: false, reason: 'repeated_page' },
    });
  }
  const cursor = encodeLinkCursor(url, base);
  if (cursor === null) {
    // Following it would send the connector's credentials elsewhere, or to an unexpected path.
    throw new BackendUnavailableError(`The API answered with a next-page link outside ${base.toString()}; not followed`, {
      details: { retryable: false, next_link: redactUrl(url.toString()) },
    });
  }
  return cursor;
}
