import { defineConnector } from '@aos-connectors/core';
import { feedRead, readFeedOnce } from './commands/feed-read.js';
import { RSS_FEED_URL, rssHttp } from './http-profile.js';

export const rss = defineConnector({
  tool: 'aos-rss',
  root: new URL('..', import.meta.url),
  backend: 'rss-atom-feeds',
  label: 'RSS and Atom feeds',
  category: 'news',
  categories: ['news', 'web', 'monitoring'],
  description: 'Feeds for agents: read RSS 2.0, Atom 1.0 and RSS 1.0 feeds in one item shape, with conditional GET.',
  auth: {
    kind: 'none',
    required: false,
    interactive_setup: [
      'Nothing to set up: feed read takes the feed URL.',
      `Optionally set ${RSS_FEED_URL} to the feed read when no URL is given.`,
    ],
  },
  secrets: [],
  settings: [{ name: RSS_FEED_URL, description: 'The feed read when feed.read gets no URL (trusted as configured)' }],
  http: rssHttp,
  // Nothing to authenticate; with a default feed configured, reading it proves the path works.
  health: async (ctx) => {
    if (!ctx.settings.get(RSS_FEED_URL)) return { detail: `no ${RSS_FEED_URL} to probe; feed read takes a URL` };
    const read = await readFeedOnce({ limit: 1 }, ctx);
    return { detail: read.not_modified ? 'default feed reachable' : `default feed "${read.feed?.title ?? 'untitled'}" has ${read.total_items} items` };
  },
  commands: [feedRead],
});

export default rss;
