/** Elements after which reading continues on a new line. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TR', 'UL',
]);
/** Elements followed by a blank line. */
const PARAGRAPHS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);
const CELLS = new Set(['TD', 'TH']);
/** Marks a paragraph break until the end, where it becomes one blank line. */
const BREAK = '\uE000';

/**
 * Readable plain text of a parsed page (scripts and styles already removed by parsePage):
 * blocks on their own lines, a blank line after paragraphs and headings, table cells separated
 * by tabs, runs of blank space collapsed, preformatted text kept with its indentation.
 */
export function toText(document: Document): string {
  const out: string[] = [];
  walk(document.body ?? document.documentElement, out, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n')
    .replace(new RegExp(`\\s*${BREAK}[\\s${BREAK}]*`, 'g'), '\n\n')
    .trim();
}

function walk(node: Node, out: string[], pre: boolean): void {
  if (node.nodeType === 3) {
    const text = node.nodeValue ?? '';
    if (pre) return void out.push(text);
    const atLineStart = out.length === 0 || /[\n\t\uE000]$/.test(out[out.length - 1]!);
    out.push((atLineStart ? text.trimStart() : text).replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1) return;
  const tag = (node as Element).tagName.toUpperCase();
  const block = BLOCKS.has(tag);
  if (block) out.push('\n');
  if (tag === 'IMG') {
    const alt = (node as Element).getAttribute('alt');
    if (alt) out.push(alt);
  }
  for (const child of Array.from(node.childNodes)) walk(child, out, pre || tag === 'PRE');
  if (CELLS.has(tag)) out.push('\t');
  if (block) out.push(PARAGRAPHS.has(tag) ? `\n${BREAK}\n` : '\n');
}
