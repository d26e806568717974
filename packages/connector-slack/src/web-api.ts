import { cursorPage, expectShape, type CommandContext, type Page, type Query } from '@aos-connectors/core';
import * as z from 'zod';
import { toSlackError } from './errors.js';
import type { Paged } from './types.js';

type Ctx = Pick<CommandContext, 'http'>;

/** Write methods take JSON: https://docs.slack.dev/apis/web-api/#json (charset, or Slack warns `missing_charset`). */
const JSON_UTF8 = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The fields each method's answer must carry for the commands and the gateway to use them
 * (https://docs.slack.dev/reference/methods). A 200 without them (`{"ok":true}`, `{}`) is
 * Slack's unexpected answer: BACKEND_UNAVAILABLE with `details.expected`, not a TypeError.
 * Methods not listed are taken as they come (their commands read nothing required).
 */
const ANSWER_SHAPES: Record<string, z.ZodType> = {
  'auth.test': z.object({ user_id: z.string() }).describe('auth.test: {user_id}'),
  'chat.postMessage': z.object({ channel: z.string(), ts: z.string() }).describe('chat.postMessage: {channel, ts}'),
  'conversations.info': z.object({ channel: z.object({ id: z.string() }) }).describe('conversations.info: {channel: {id}}'),
  'users.info': z.object({ user: z.object({ id: z.string() }) }).describe('users.info: {user: {id}}'),
  'conversations.history': z.object({ messages: z.array(z.unknown()) }).describe('conversations.history: {messages: []}'),
};

/** A read method as GET with query parameters (the core retries GETs on 5xx and 429). */
export async function slackGet<T>(ctx: Ctx, method: string, query: Query = {}, headers?: Record<string, string>): Promise<T> {
  try {
    return await ctx.http.get<T>(method, { query, headers, expect: ANSWER_SHAPES[method] });
  } catch (error) {
    throw toSlackError(error);
  }
}

/** A write method as POST with a JSON body; never retried by the client. */
export async function slackPost<T>(ctx: Ctx, method: string, body: Record<string, unknown> = {}): Promise<T> {
  try {
    return await ctx.http.post<T>(method, { json: withoutUndefined(body), headers: JSON_UTF8, expect: ANSWER_SHAPES[method] });
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
    items: (body) => {
      // The list key must hold an array: `{}` or `{"ok":true}` where a list is due is Slack's unexpected answer.
      expectShape(z.object({ [key]: z.array(z.unknown()) }).describe(`${method}: {${key}: []}`), body, `GET ${method}`);
      return (body as Record<string, T[]>)[key]!;
    },
    nextCursor: (body) => (body as Paged | null)?.response_metadata?.next_cursor,
  });
}
