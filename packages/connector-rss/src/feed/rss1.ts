import { all, attr, child, textOf, textOfAny } from './nodes.js';
import { contentId } from './item-id.js';
import type { ParsedFeed } from './types.js';
import { absoluteUrl, isoDate, plainSummary, plainTitle } from './values.js';
import type { XmlNode } from './xml.js';

/** RSS 1.0 (RDF): https://web.resource.org/rss/1.0/spec — items are siblings of the channel. */
export function readRss1(rdf: XmlNode, base: string): ParsedFeed {
  const channel = all(child(rdf, 'channel'))[0];
  const items = all(child(rdf, 'item')).map((item) => {
    const title = plainTitle(textOf(child(item, 'title')));
    const link = absoluteUrl(textOfAny(item, 'link'), base);
    const published = isoDate(textOfAny(item, 'dc:date'));
    const summary = plainSummary(textOfAny(item, 'description', 'content:encoded'));
    return {
      id: attr(item, 'rdf:about') ?? link ?? contentId(title, published, summary),
      title,
      link,
      published,
      updated: isoDate(textOfAny(item, 'dcterms:modified')),
      author: textOfAny(item, 'dc:creator') ?? null,
      summary,
    };
  });
  return {
    feed: {
      format: 'rss1',
      title: plainTitle(textOf(child(channel, 'title'))),
      link: absoluteUrl(textOfAny(channel, 'link'), base),
      description: plainSummary(textOfAny(channel, 'description')),
      language: textOfAny(channel, 'dc:language') ?? null,
      updated: isoDate(textOfAny(channel, 'dc:date')),
    },
    items,
  };
}
