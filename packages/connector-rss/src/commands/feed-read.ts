import * as z from 'zod';
import { command, isAosError, NotFoundError, type CommandContext, type HttpResponse } from '@aos-connectors/core';
import { readFeed } from '../feed/read-feed.js';
import { RSS_FEED_URL } from '../http-profile.js';
import { movedTo } from '../redirects.js';

const nullableText = (what: string) => z.string().nullable().describe(`${what}, or null when the feed gives none`);

/** One item, the same shape whatever the format (feed/types.ts FeedItem). */
const feedItem = z.object({
  id: z.string().describe('guid / Atom id / rdf:about, else the link, else a hash of the content: stable across reads'),
  title: nullableText('Title (plain text)'),
  link: nullableText('Absolute http(s) link to the item'),
  published: nullableText('Published (ISO 8601 UTC; Atom without <published>: updated)'),
  updated: nullableText('Last updated (ISO 8601 UTC)'),
  author: nullableText('Author name(s)'),
  summary: nullableText('Plain-text summary, at most 1000 characters'),
});

/** What `feed read` returns (readFeedOnce). */
const feedReadOutput = z.object({
  url: z.string().describe('The feed URL asked for'),
  final_url: z.string().describe('Where the fetch ended up, after redirects'),
  moved_to: z.string().nullable().describe('The new URL when every redirect was permanent (301/308): update the subscription; else null'),
  status: z.number().int().describe('HTTP status of the final response (200, or 304 when not modified)'),
  etag: z.string().nullable().describe('ETag to pass as --etag next time, or null'),
  last_modified: z.string().nullable().describe('Last-Modified to pass as --last-modified next time, or null'),
  not_modified: z.boolean().describe('true when the feed is unchanged since --etag / --last-modified (HTTP 304): no feed, no items'),
  feed: z
    .object({
      format: z.enum(['rss2', 'atom1', 'rss1']).describe('Feed format: RSS 2.0, Atom 1.0 or RSS 1.0 (RDF)'),
      title: nullableText('Feed title'),
      link: nullableText('The site the feed belongs to'),
      description: nullableText('Feed description (plain text)'),
      language: nullableText('Language tag'),
      updated: nullableText('Feed last updated (ISO 8601 UTC)'),
    })
    .nullable()
    .describe('The feed itself; null when not modified'),
  items: z.array(feedItem).describe('Items in feed order, at most --limit'),
  total_items: z.number().int().nullable().describe('Items in the whole feed; null when not modified'),
  has_more: z.boolean().describe('Whether the feed holds more items than --limit'),
});

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
  output: feedReadOutput,
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
