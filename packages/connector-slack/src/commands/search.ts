import * as z from 'zod';
import { command, UsageError, type Page } from '@aos-connectors/core';
import { slackGet } from '../web-api.js';
import { searchMatch } from '../output-shapes.js';

export const USER_TOKEN = 'SLACK_USER_TOKEN';

/** search.messages' answer: https://docs.slack.dev/reference/methods/search.messages */
interface SearchResponse {
  ok: true;
  messages?: { matches?: unknown[]; total?: number; pagination?: { page: number; page_count: number; total_count: number } };
}

/** The cursor is `<page>:<count>`: a page number only means something with the page size it was read with. */
function parseCursor(cursor: string | null, size: number): { page: number; count: number } {
  if (cursor === null) return { page: 1, count: size };
  const match = /^(\d+):(\d+)$/.exec(cursor);
  if (!match) throw new UsageError('--cursor must be a cursor returned by message search');
  return { page: Number(match[1]), count: Number(match[2]) };
}

/**
 * search.messages — https://docs.slack.dev/reference/methods/search.messages
 * Only a user token with search:read may search (bot tokens cannot): SLACK_USER_TOKEN is sent
 * instead of the bot token. Page-numbered: at most 100 per page and 100 pages.
 */
export const messageSearch = command({
  id: 'message.search',
  summary: 'Search messages the user token can see (needs SLACK_USER_TOKEN with search:read)',
  resource: 'message',
  action: 'read',
  risk: 1,
  input: z.object({
    query: z.string().min(1).describe('Slack search query, e.g. "deploy in:#ops from:@ann after:2025-01-01"'),
    sort: z.enum(['score', 'timestamp']).optional().describe('Order by relevance (Slack default) or time'),
    sort_dir: z.enum(['asc', 'desc']).optional().describe('Sort direction (Slack default desc)'),
  }),
  positionals: ['query'],
  requires: [USER_TOKEN],
  list: { key: 'messages', maxPageSize: 100, columns: ['ts', 'channel.name', 'username', 'text'] },
  examples: ['aos-slack --json message search "deploy failed in:#ops" --sort timestamp --limit 20'],
  output: searchMatch,
  run: async ({ query, sort, sort_dir }, { http, settings, page }): Promise<Page> => {
    const { page: number, count } = parseCursor(page.cursor, page.size);
    const body = await slackGet<SearchResponse>(
      { http },
      'search.messages',
      { query, sort, sort_dir, count, page: number },
      { authorization: `Bearer ${settings.require(USER_TOKEN)}` },
    );
    const found = body.messages;
    const pages = found?.pagination?.page_count ?? 0;
    return {
      items: found?.matches ?? [],
      next_cursor: number < Math.min(pages, 100) ? `${number + 1}:${count}` : null,
      meta: { total: found?.pagination?.total_count ?? found?.total ?? 0 },
    };
  },
});
