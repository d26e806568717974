import TurndownService from 'turndown';

import { gfm } from '@joplin/turndown-plugin-gfm';

let service: TurndownService | undefined;

/** Markdown of a parsed page's body: ATX headings, fenced code, GitHub tables and strikethrough. */
export function toMarkdown(document: Document): string {
  service ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' }).use(gfm);
  return service
    .turndown(document.body ?? document.documentElement)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
