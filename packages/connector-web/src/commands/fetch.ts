import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { contentKind, notText, readableJson } from '../content.js';
import { pageTitle, parsePage } from '../html/dom.js';
import { toMarkdown } from '../html/to-markdown.js';
import { toText } from '../html/to-text.js';

/**
 * GET one URL from input (untrusted: the core's SSRF guard and policy vet it and every redirect,
 * cap the body at max_response_size_mb and bound the call by --timeout-ms) and return the page
 * as markdown, plain text or the raw body, with where it ended up and its title.
 */
export const webFetch = command({
  id: 'web.fetch',
  summary: 'Fetch a web page as markdown, text or raw, with its final URL and title',
  resource: 'page',
  action: 'read',
  risk: 1,
  input: z.object({
    url: z.url({ protocol: /^https?$/ }).describe('The page to fetch (http or https)'),
    format: z.enum(['markdown', 'text', 'raw']).default('markdown').describe('markdown (default), text (tags, scripts and styles removed; JSON pretty-printed) or raw (the body as served)'),
    max_chars: z.number().int().min(1).max(5_000_000).default(100_000).describe('Longest content returned, in characters (default 100000); longer is cut and truncated: true'),
  }),
  positionals: ['url'],
  examples: ['aos-web --json web fetch https://example.com/ --format markdown'],
  output: z.object({
    url: z.string().describe('The URL asked for'),
    final_url: z.string().describe('Where the fetch ended up, after redirects'),
    status: z.number().int().describe('HTTP status of the final response'),
    content_type: z.string().nullable().describe('Content-Type of the response, or null when it sent none'),
    title: z.string().nullable().describe('Page title (title, og:title or first h1) of an HTML page; null otherwise or when it has none'),
    format: z.enum(['markdown', 'text', 'raw']).describe('The format of content'),
    content: z.string().describe('The page as markdown, text or raw body, cut at --max-chars'),
    length: z.number().int().describe('Length of the whole content in characters, before any cut'),
    truncated: z.boolean().describe('Whether content was cut at --max-chars'),
  }),
  run: async ({ url, format, max_chars }, { http }) => {
    const response = await http.request<string>('GET', url, { responseType: 'text' });
    const contentType = response.headers.get('content-type');
    const kind = contentKind(contentType, response.data);
    if (kind === 'binary') throw notText(response.url, contentType);

    const document = kind === 'html' ? parsePage(response.data, response.url) : undefined;
    const content =
      format === 'raw'
        ? response.data
        : document
          ? format === 'markdown' ? toMarkdown(document) : toText(document)
          : (readableJson(response.data, response.url, contentType) ?? response.data);
    return {
      url,
      final_url: response.url,
      status: response.status,
      content_type: contentType,
      title: document ? pageTitle(document) : null,
      format,
      content: content.length > max_chars ? content.slice(0, max_chars) : content,
      length: content.length,
      truncated: content.length > max_chars,
    };
  },
});
