import type { Style } from './style.js';

const MAX_CELL = 60;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL - 1)}…` : line;
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
  let current = item;
  for (const key of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Renders aligned columns, like `gh` does for lists. Loops only (no `Math.max(...rows)` or
 * `push(...rows)`): a page can hold hundreds of thousands of rows, past the engine's argument limit.
 */
export function renderTable(items: unknown[], columns: string[], style: Style, header = true): string {
  if (columns.length === 0) {
    let text = '';
    for (const item of items) text += `${cell(item)}\n`;
    return text;
  }
  const rows: string[][] = new Array(items.length);
  const widths = columns.map((column) => column.length);
  for (let r = 0; r < items.length; r++) {
    const row = new Array<string>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const text = cell(valueAt(items[r], columns[i]!));
      row[i] = text;
      if (text.length > widths[i]!) widths[i] = text.length;
    }
    rows[r] = row;
  }
  const line = (cells: string[]) => cells.map((text, i) => (i === cells.length - 1 ? text : text.padEnd(widths[i]!))).join('  ').trimEnd();
  const out: string[] = [];
  if (header) out.push(style.bold(line(columns.map((c) => c.toUpperCase()))));
  for (const row of rows) out.push(line(row));
  return out.length ? out.join('\n') + '\n' : '';
}

/** Renders a single record as `key: value` lines; lists of records as indented tables. */
export function renderRecord(data: unknown, style?: Style): string {
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object') return `${String(data)}\n`;
  if (Array.isArray(data)) return JSON.stringify(data, null, 2) + '\n';
  const entries = Object.entries(data as Record<string, unknown>);
  let width = 0;
  for (const [key] of entries) if (key.length > width) width = key.length;
  const plain: Style = style ?? { bold: (t) => t, red: (t) => t, dim: (t) => t };
  return entries
    .map(([key, value]) => {
      const label = `${key}:`.padEnd(width + 1);
      if (Array.isArray(value) && value.length > 0 && value.every((item) => item && typeof item === 'object')) {
        const table = renderTable(value, pickColumns(value), plain).trimEnd();
        return `${label}\n${table.replace(/^/gm, '  ')}`;
      }
      const text = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
      return `${label} ${text}`;
    })
    .join('\n') + '\n';
}
