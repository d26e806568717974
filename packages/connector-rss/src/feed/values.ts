import { decodeHTML } from 'entities';

const SUMMARY_MAX_CHARS = 1000;

/** An RFC 822 (RSS) or RFC 3339 (Atom, Dublin Core) date as ISO 8601 UTC; null when unreadable. */
export function isoDate(text: string | undefined): string | null {
  if (!text) return null;
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** An absolute http(s) URL, resolved against the document's URL; null for anything else. */
export function absoluteUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Plain text of a title: feeds often entity-encode them twice (`&amp;amp;`). */
export function plainTitle(text: string | undefined): string | null {
  if (!text) return null;
  return collapse(decodeHTML(text.includes('<') ? stripTags(text) : text)) || null;
}

/** Plain text of an HTML description, scripts and styles dropped, bounded for agents. */
export function plainSummary(html: string | undefined): string | null {
  if (!html) return null;
  // Markup escaped twice arrives as `&lt;p&gt;` even after XML decoding.
  const markup = !html.includes('<') && html.includes('&lt;') ? decodeHTML(html) : html;
  const text = collapse(decodeHTML(stripTags(markup)));
  if (!text) return null;
  return text.length > SUMMARY_MAX_CHARS ? `${text.slice(0, SUMMARY_MAX_CHARS - 1).trimEnd()}…` : text;
}

// Descriptions are short HTML fragments meant for display; a tag-stripping pass is enough for a
// summary (nothing here is rendered, so it is not a sanitizer).
function stripTags(html: string): string {
  return html
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|blockquote)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
