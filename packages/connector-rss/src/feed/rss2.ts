import { all, attr, child, textOf, textOfAny } from './nodes.js';
import { contentId } from './item-id.js';
import type { ParsedFeed } from './types.js';
import { absoluteUrl, isoDate, plainSummary, plainTitle } from './values.js';
import type { XmlNode } from './xml.js';

/** RSS 2.0 (and 0.91/0.92): https://www.rssboard.org/rss-specification */
export function readRss2(rss: XmlNode, base: string): ParsedFeed {
  const channel = all(child(rss, 'channel'))[0];
  const items = all(child(channel, 'item')).map((item) => {
    const title = plainTitle(textOf(child(item, 'title')));
    const link = absoluteUrl(textOfAny(item, 'link'), base) ?? atomLink(item, base);
    const published = isoDate(textOfAny(item, 'pubDate', 'dc:date'));
    const summary = plainSummary(textOfAny(item, 'description', 'content:encoded'));
    const guid = textOfAny(item, 'guid');
    return {
      id: guid ?? link ?? contentId(title, published, summary),
      title,
      link,
      published,
      updated: isoDate(textOfAny(item, 'atom:updated', 'dc:modified')),
      author: textOfAny(item, 'author', 'dc:creator') ?? null,
      summary,
    };
  });
  return {
    feed: {
      format: 'rss2',
      title: plainTitle(textOf(child(channel, 'title'))),
      link: absoluteUrl(textOfAny(channel, 'link'), base),
      description: plainSummary(textOfAny(channel, 'description')),
      language: textOfAny(channel, 'language', 'dc:language') ?? null,
      updated: isoDate(textOfAny(channel, 'lastBuildDate', 'pubDate', 'dc:date')),
    },
    items,
  };
}

/** An `<atom:link href>` some RSS items carry instead of `<link>`. */
function atomLink(item: XmlNode, base: string): string | null {
  const link = all(child(item, 'atom:link')).find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return absoluteUrl(attr(link, 'href'), base);
}
