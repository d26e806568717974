import { all, attr, child, textOf, textOfAny } from './nodes.js';
import { contentId } from './item-id.js';
import type { ParsedFeed } from './types.js';
import { absoluteUrl, isoDate, plainSummary, plainTitle } from './values.js';
import type { XmlNode } from './xml.js';

/** Atom 1.0: https://www.rfc-editor.org/rfc/rfc4287 */
export function readAtom(feed: XmlNode, documentUrl: string): ParsedFeed {
  // xml:base may move relative links elsewhere (RFC 4287 §2).
  const feedBase = absoluteUrl(attr(feed, 'xml:base'), documentUrl) ?? documentUrl;
  const feedAuthor = authors(feed);
  const items = all(child(feed, 'entry')).map((entry) => {
    const base = absoluteUrl(attr(entry, 'xml:base'), feedBase) ?? feedBase;
    const title = plainTitle(textOf(child(entry, 'title')));
    const link = alternateLink(entry, base);
    const published = isoDate(textOfAny(entry, 'published', 'issued'));
    const updated = isoDate(textOfAny(entry, 'updated', 'modified'));
    const summary = plainSummary(textOfAny(entry, 'summary', 'content'));
    return {
      id: textOfAny(entry, 'id') ?? link ?? contentId(title, published ?? updated, summary),
      title,
      link,
      // Atom requires only `updated`; it is the best "published" a feed without one offers.
      published: published ?? updated,
      updated,
      author: authors(entry) ?? feedAuthor,
      summary,
    };
  });
  return {
    feed: {
      format: 'atom1',
      title: plainTitle(textOf(child(feed, 'title'))),
      link: alternateLink(feed, feedBase),
      description: plainSummary(textOfAny(feed, 'subtitle', 'tagline')),
      language: attr(feed, 'xml:lang') ?? null,
      updated: isoDate(textOfAny(feed, 'updated', 'modified')),
    },
    items,
  };
}

/** The `rel="alternate"` link (the default rel), preferring an HTML one. */
function alternateLink(node: XmlNode, base: string): string | null {
  const links = all(child(node, 'link')).filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const html = links.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? links[0];
  return absoluteUrl(attr(html, 'href'), base);
}

function authors(node: XmlNode): string | null {
  const names = all(child(node, 'author')).map((a) => textOfAny(a, 'name') ?? textOfAny(a, 'email')).filter(Boolean);
  return names.length ? names.join(', ') : null;
}
