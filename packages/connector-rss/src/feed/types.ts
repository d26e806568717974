/** One feed item, the same shape whatever the format. */
export interface FeedItem {
  /** guid / Atom id / rdf:about, else the link, else a hash of the content: stable across reads. */
  id: string;
  title: string | null;
  link: string | null;
  /** ISO 8601 UTC. */
  published: string | null;
  updated: string | null;
  author: string | null;
  /** Plain text, at most 1,000 characters. */
  summary: string | null;
}

export type FeedFormat = 'rss2' | 'atom1' | 'rss1';

export interface FeedInfo {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  description: string | null;
  language: string | null;
  updated: string | null;
}

export interface ParsedFeed {
  feed: FeedInfo;
  items: FeedItem[];
}
