// domino is turndown's own DOM for Node; its typings are declared in ../vendor-modules.d.ts. A
// static import lets the bundler carry it inside the published package.
import domino from '@mixmark-io/domino';

/** Elements whose content is never page text. */
const NOT_CONTENT = 'script, style, noscript, template, iframe, object, embed, svg, canvas';

/**
 * Parses an HTML page, drops what is not content, and makes every link and image URL absolute
 * (against `<base href>` or the page's final URL), so converted text keeps working links.
 */
export function parsePage(html: string, pageUrl: string): Document {
  const document = domino.createDocument(html, true);
  const base = absolute(document.querySelector('base[href]')?.getAttribute('href') ?? '', pageUrl) ?? pageUrl;
  for (const element of [...document.querySelectorAll(NOT_CONTENT)]) element.remove();
  for (const [selector, name] of [['a[href]', 'href'], ['img[src]', 'src']] as const) {
    for (const element of [...document.querySelectorAll(selector)]) {
      const url = absolute(element.getAttribute(name) ?? '', base);
      if (url) element.setAttribute(name, url);
      else element.removeAttribute(name);
    }
  }
  return document;
}

/** The page title: `<title>`, else Open Graph's, else the first heading. */
export function pageTitle(document: Document): string | null {
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const title = document.title || og || document.querySelector('h1')?.textContent || '';
  return title.replace(/\s+/g, ' ').trim() || null;
}

function absolute(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    // javascript:, data: and the like are not links an agent should follow.
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Plain text of a short HTML fragment (a search snippet): tags dropped, entities decoded. */
export function fragmentText(html: string | undefined | null): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const document = domino.createDocument(`<!doctype html><body>${html}`, true);
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
