import type { Style } from './style.js';

/** The width tables and records fit when stdout is not a terminal (or its width is unknown). */
export const DEFAULT_WIDTH = 100;
const GAP = 2;
/** A column is not truncated below this many characters (nor below its own width). */
const MIN_COLUMN = 6;
/** How much of one value is looked at: a cell never shows more, so a 1 MB body costs nothing. */
const SCAN = 400;
const MAX_KEY = 24;
/** Fields that name a nested object, in the order they are tried. */
const NAME_KEYS = ['name', 'login', 'title', 'full_name', 'tag_name', 'key', 'id'];
/** Trailing path segments a header leaves out: `user.login` → `USER`, `commit.sha` → `COMMIT`. */
const SHORT_TAILS = new Set([...NAME_KEYS, 'sha']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export interface RenderOptions {
  /** The width to fit, in columns (default 100). */
  width?: number;
  /** A terminal is reading: ISO times are shown relative (`3 days ago`). */
  tty?: boolean;
  /** "Now" for relative times (default `Date.now()`). */
  now?: number;
}

export interface TableOptions extends RenderOptions {
  /**
   * The widest cell seen so far per column, kept across the pages of a streamed list so the
   * columns stay aligned (they can only grow); updated in place.
   */
  natural?: number[];
}

const plainStyle: Style = { bold: (t) => t, red: (t) => t, dim: (t) => t };

/** One line of text: whitespace and control characters (escape codes from the API) become one space. */
function oneLine(text: string): string {
  const head = text.length > SCAN ? `${text.slice(0, SCAN)}…` : text;
  return head.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

export function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? '…'.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/** `3 days ago`, `in 2 hours`, like gh; undefined for anything that is not an ISO-8601 time. */
export function relativeTime(text: string, now: number = Date.now()): string | undefined {
  if (text.length > 40 || !ISO_TIME.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const diff = Math.round((now - at) / 1000);
  const seconds = Math.abs(diff);
  if (seconds < 60) return diff >= 0 ? 'less than a minute ago' : 'in less than a minute';
  const units: [number, string][] = [[31_536_000, 'year'], [2_592_000, 'month'], [86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return diff >= 0 ? `${phrase} ago` : `in ${phrase}`;
    }
  }
  return undefined;
}

/** What names a nested object: its name, login, title, … or id; else how many fields it has. */
export function nameOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return oneLine(String(value));
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  const record = value as Record<string, unknown>;
  for (const key of NAME_KEYS) {
    const named = record[key];
    if (named !== null && named !== undefined && typeof named !== 'object') return oneLine(String(named));
  }
  let fields = 0;
  for (const key in record) if (Object.hasOwn(record, key)) fields++;
  return fields === 0 ? '{}' : `{${fields} field${fields === 1 ? '' : 's'}}`;
}

/** The first few items' names, `a, b, …`: at most three, and only as long as they stay short. */
function namesOf(items: unknown[]): string {
  let text = '';
  let shown = 0;
  for (; shown < items.length && shown < 3; shown++) {
    const name = nameOf(items[shown]);
    if (shown > 0 && text.length + name.length > 40) break;
    text += shown === 0 ? name : `, ${name}`;
  }
  return shown < items.length ? `${text}, …` : text;
}

/** A value as one line of text: arrays counted (`3 items (bug, ui, …)`), objects by their name. */
export function summarize(value: unknown, options: RenderOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return oneLine((options.tty && relativeTime(value, options.now)) || value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '0 items';
    return `${value.length} item${value.length === 1 ? '' : 's'} (${namesOf(value)})`;
  }
  if (typeof value === 'object') return nameOf(value);
  return String(value);
}

/** A table cell: like `summarize`, but a list is just its names (`bug, ui`), as gh shows labels. */
function cell(value: unknown, options: RenderOptions): string {
  if (Array.isArray(value)) return namesOf(value);
  return summarize(value, options);
}

/** Picks columns for a list: the declared ones, else the first item's scalar fields (at most six). */
export function pickColumns(items: unknown[], declared?: string[]): string[] {
  if (declared?.length) return declared;
  const first = items.find((item) => item && typeof item === 'object') as Record<string, unknown> | undefined;
  if (!first) return [];
  return Object.keys(first)
    .filter((key) => first[key] === null || typeof first[key] !== 'object')
    .slice(0, 6);
}

function valueAt(item: unknown, path: string): unknown {
  if (item && typeof item === 'object' && Object.hasOwn(item, path)) return (item as Record<string, unknown>)[path];
  let current = item;
  for (const key of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function header(path: string, short: boolean): string {
  let parts = path.split('.');
  if (short && parts.length > 1 && SHORT_TAILS.has(parts[parts.length - 1]!)) parts = parts.slice(0, -1);
  const last = parts.length - 1;
  if (short && parts[last]!.endsWith('_at') && parts[last]!.length > 3) parts[last] = parts[last]!.slice(0, -3);
  return parts.join(' ').replace(/_/g, ' ').toUpperCase();
}

/**
 * Column headers, gh-like: upper case, `user.login` → `USER`, `created_at` → `CREATED`,
 * `head.ref` → `HEAD REF`; where two would read the same, both keep their full path.
 */
export function columnHeaders(columns: string[]): string[] {
  const short = columns.map((column) => header(column, true));
  const counts = new Map<string, number>();
  for (const label of short) counts.set(label, (counts.get(label) ?? 0) + 1);
  return columns.map((column, i) => (counts.get(short[i]!)! > 1 ? header(column, false) : short[i]!));
}

/** Shrinks the widest column (repeatedly) until the row fits `max`; no column goes below MIN_COLUMN. */
export function fitWidths(natural: number[], max: number): number[] {
  const widths = natural.slice();
  let total = GAP * Math.max(0, widths.length - 1);
  for (const width of widths) total += width;
  while (total > max) {
    let widest = 0;
    let second = 0;
    for (let i = 1; i < widths.length; i++) {
      if (widths[i]! > widths[widest]!) {
        second = Math.max(second, widths[widest]!);
        widest = i;
      } else second = Math.max(second, widths[i]!);
    }
    if (widths[widest]! <= MIN_COLUMN) break;
    const cut = Math.max(1, Math.min(total - max, widths[widest]! - Math.max(second, MIN_COLUMN)));
    widths[widest] = widths[widest]! - cut;
    total -= cut;
  }
  return widths;
}

/**
 * Renders aligned columns that fit the width, like `gh` does for lists: the widest column is
 * truncated with … until the row fits. Loops only (no `Math.max(...rows)` or `push(...rows)`):
 * a page can hold hundreds of thousands of rows, past the engine's argument limit.
 */
export function renderTable(items: unknown[], columns: string[], style: Style = plainStyle, header = true, options: TableOptions = {}): string {
  const max = options.width ?? DEFAULT_WIDTH;
  if (columns.length === 0) {
    let text = '';
    for (const item of items) text += `${truncate(cell(item, options), max)}\n`;
    return text;
  }
  const labels = columnHeaders(columns);
  const natural = options.natural ?? labels.map((label) => label.length);
  if (natural.length === 0) for (const label of labels) natural.push(label.length);
  const rows: string[][] = new Array(items.length);
  for (let r = 0; r < items.length; r++) {
    const row = new Array<string>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const text = cell(valueAt(items[r], columns[i]!), options);
      row[i] = text;
      if (text.length > natural[i]!) natural[i] = text.length;
    }
    rows[r] = row;
  }
  const widths = fitWidths(natural, max);
  const last = columns.length - 1;
  const line = (cells: string[]) => {
    let text = '';
    for (let i = 0; i < cells.length; i++) {
      const fitted = truncate(cells[i]!, widths[i]!);
      text += i === last ? fitted : `${fitted.padEnd(widths[i]!)}  `;
    }
    return text.trimEnd();
  };
  let out = header ? `${style.bold(line(labels))}\n` : '';
  for (const row of rows) out += `${line(row)}\n`;
  return out;
}

/**
 * Renders a single record as aligned `key  value` lines: nested values summarised (arrays
 * counted, objects by their name), long strings truncated to the width. A top-level list of
 * records is a table.
 */
export function renderRecord(data: unknown, style: Style = plainStyle, options: RenderOptions = {}): string {
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object') return `${String(data)}\n`;
  const max = options.width ?? DEFAULT_WIDTH;
  if (Array.isArray(data)) {
    if (data.length === 0) return '0 items\n';
    return renderTable(data, pickColumns(data), style, true, options);
  }
  const record = data as Record<string, unknown>;
  let keyWidth = 0;
  for (const key in record) if (Object.hasOwn(record, key) && key.length > keyWidth) keyWidth = key.length;
  keyWidth = Math.min(keyWidth, MAX_KEY);
  const valueWidth = Math.max(max - keyWidth - GAP, MIN_COLUMN * 2);
  let out = '';
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const label = truncate(oneLine(key), keyWidth).padEnd(keyWidth);
    const text = truncate(summarize(record[key], options), valueWidth);
    out += `${(style.bold(label) + (text ? `  ${text}` : '')).trimEnd()}\n`;
  }
  return out;
}
