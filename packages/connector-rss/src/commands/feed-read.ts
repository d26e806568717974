import * as z from 'zod';
import { command, isAosError, NotFoundError, type CommandContext, type HttpResponse } from '@aos-connectors/core';
import { readFeed } from '../feed/read-feed.js';
import { RSS_FEED_URL } from '../http-profile.js';
import { movedTo } from '../redirects.js';

/**
 * GET a feed (RSS 2.0, Atom 1.0 or RSS 1.0) and return its items in one shape. Conditional GET:
 * pass back the `etag` / `last_modified` of the previous read and an unchanged feed answers
 * 304, reported as `not_modified: true` with no items (and no parsing).
 */
export const feedRead = command({
  id: 'feed.read',
  summary: 'Read an RSS, Atom or RDF feed, with conditional GET',
  resource: 'feed',
  action: 'read',
  risk: 1,
  input: z.object({
    url: z.url({ protocol: /^https?$/ }).optional().describe(`Feed URL (http or https; default: ${RSS_FEED_URL})`),
    limit: z.number().int().min(1).max(1000).default(20).describe('Most items to return, in feed order (default 20)'),
    etag: z.string().min(1).optional().describe('The etag of a previous read: answers not_modified when unchanged'),
    last_modified: z.string().min(1).optional().describe('The last_modified of a previous read: answers not_modified when unchanged'),
  }),
  positionals: ['url'],
  examples: ['aos-rss --json feed read https://blog.rust-lang.org/feed.xml --limit 5'],
  run: (input, ctx) => readFeedOnce(input, ctx),
});

type FeedReadInput = { url?: string; limit: number; etag?: string; last_modified?: string };

/** One conditional GET of a feed and its items (also the health probe of RSS_FEED_URL). */
export async function readFeedOnce({ url, limit, etag, last_modified }: FeedReadInput, { http, settings }: CommandContext) {
  const requested = url ?? settings.require(RSS_FEED_URL);
  const headers: Record<string, string> = {};
  if (etag) headers['if-none-match'] = etag;
  if (last_modified) headers['if-modified-since'] = last_modified;

  let response: HttpResponse<string>;
  try {
    response = await http.request<string>('GET', requested, { headers, responseType: 'text', acceptStatus: [304] });
  } catch (error) {
    throw isAosError(error) && error.details.http_status === 410 ? gone(requested, error) : error;
  }
  const finalUrl = response.url;
  const common = {
    url: requested,
    final_url: finalUrl,
    moved_to: movedTo(response),
    status: response.status,
    // A 304 may omit the validators; the caller's still hold.
    etag: response.headers.get('etag') ?? (response.status === 304 ? (etag ?? null) : null),
    last_modified: response.headers.get('last-modified') ?? (response.status === 304 ? (last_modified ?? null) : null),
  };
  if (response.status === 304) return { ...common, not_modified: true, feed: null, items: [], total_items: null, has_more: false };

  const { feed, items } = readFeed(response.data, finalUrl, response.headers.get('content-type'));
  return { ...common, not_modified: false, feed, items: items.slice(0, limit), total_items: items.length, has_more: items.length > limit };
}

function gone(url: string, cause: Error & { details: Record<string, unknown> }) {
  return new NotFoundError(`The feed at ${url} is gone (HTTP 410): the publisher removed it for good`, {
    cause,
    details: { ...cause.details, url, gone: true },
    hint: 'Stop polling this feed and remove the subscription.',
  });
}
