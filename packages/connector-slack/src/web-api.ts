import { cursorPage, type CommandContext, type Page, type Query } from '@aos-connectors/core';
import { toSlackError } from './errors.js';
import type { Paged } from './types.js';

type Ctx = Pick<CommandContext, 'http'>;

/** Write methods take JSON: https://docs.slack.dev/apis/web-api/#json (charset, or Slack warns `missing_charset`). */
const JSON_UTF8 = { 'content-type': 'application/json; charset=utf-8' };

/** A read method as GET with query parameters (the core retries GETs on 5xx and 429). */
export async function slackGet<T>(ctx: Ctx, method: string, query: Query = {}, headers?: Record<string, string>): Promise<T> {
  try {
    return await ctx.http.get<T>(method, { query, headers });
  } catch (error) {
    throw toSlackError(error);
  }
}

/** A write method as POST with a JSON body; never retried by the client. */
export async function slackPost<T>(ctx: Ctx, method: string, body: Record<string, unknown> = {}): Promise<T> {
  try {
    return await ctx.http.post<T>(method, { json: withoutUndefined(body), headers: JSON_UTF8 });
  } catch (error) {
    throw toSlackError(error);
  }
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * One page of a cursor-paginated method: `limit` and `cursor` in, the items under `key` and
 * `response_metadata.next_cursor` out (empty when done): https://docs.slack.dev/apis/web-api/pagination
 */
export function slackPage<T>(ctx: Pick<CommandContext, 'http' | 'page'>, method: string, query: Query, key: string): Promise<Page<T>> {
  return cursorPage<T>(ctx.http, method, query, ctx.page, {
    items: (body) => ((body as Record<string, unknown> | null)?.[key] as T[] | undefined) ?? [],
    nextCursor: (body) => (body as Paged | null)?.response_metadata?.next_cursor,
  });
}
