import type { HttpProfile } from '@aos-connectors/core';

/** A feed reader has no API: the "base" is the operator's default feed, if any (trusted as configured). */
export const RSS_FEED_URL = 'RSS_FEED_URL';

/**
 * Feed URLs come from input, so they are untrusted: `allowForeignUrls` lets the core fetch them
 * without credentials and through the SSRF guard, each redirect hop vetted. The fallback origin
 * is under `.invalid`, a name that never resolves (RFC 6761), so trusting it opens nothing.
 */
export const rssHttp: HttpProfile = {
  baseUrl: { setting: RSS_FEED_URL, default: 'https://default-feed.invalid' },
  headers: {
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
  },
  allowForeignUrls: true,
  // An HTML error page says nothing a person needs in a one-line message.
  errorMessage: (body) => (typeof body === 'string' && !/<[a-z!]/i.test(body) ? body.trim().slice(0, 200) || undefined : undefined),
};
