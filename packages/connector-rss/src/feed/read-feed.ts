import { BackendUnavailableError } from '@aos-connectors/core';
import { readAtom } from './atom.js';
import { readRss1 } from './rss1.js';
import { readRss2 } from './rss2.js';
import type { ParsedFeed } from './types.js';
import { parseXml, type XmlNode } from './xml.js';

/**
 * Reads any of the three feed formats from a document fetched at `url` (the final URL, against
 * which relative links resolve). Anything else is BACKEND_UNAVAILABLE with a clear message.
 */
export function readFeed(text: string, url: string, contentType: string | null): ParsedFeed {
  if (looksLikeHtml(text, contentType)) {
    throw new BackendUnavailableError(`${url} is an HTML page, not a feed`, {
      details: { url, content_type: contentType, feeds_linked: linkedFeeds(text, url), retryable: false },
      hint: 'Pass the URL of the feed itself; details.feeds_linked lists the feeds the page advertises.',
    });
  }
  const document = parseXml(text, url);
  const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const node = (root ? document[root] : undefined) as XmlNode | undefined;
  if (root === 'rss' && node !== undefined) return readRss2(node, url);
  if (root === 'feed' && node !== undefined) return readAtom(node, url);
  if (root !== undefined && /(^|:)RDF$/.test(root) && node !== undefined) return readRss1(node, url);
  throw new BackendUnavailableError(`${url} is XML but not an RSS, Atom or RDF feed (root element <${root ?? 'none'}>)`, {
    details: { url, root_element: root ?? null, content_type: contentType, retryable: false },
  });
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (/^\s*text\/html/i.test(contentType ?? '')) return true;
  return /^(\uFEFF)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)[\s>]/i.test(text);
}

/** Feeds a page advertises with `<link rel="alternate" type="application/rss+xml" href>`. */
function linkedFeeds(html: string, base: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/type\s*=\s*["']?application\/(rss|atom|rdf)\+xml/i.test(tag)) continue;
    const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (!value) continue;
    try {
      found.push(new URL(value.replaceAll('&amp;', '&'), base).toString());
    } catch {
      // A broken href is not a feed.
    }
  }
  return found.slice(0, 10);
}
