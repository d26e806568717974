import { UsageError } from '@aos-connectors/contract';

/**
 * Cursors the harness hands out. Usually the vendor's own cursor, untouched. When a call
 * stopped part-way through a fixed-size page, the cursor must say "that page, minus the items
 * already returned": `aos1.<base64url of {"c": vendor cursor, "s": items to skip, "n": page size}>`
 * (the size is kept because the page must be fetched exactly as it was the first time).
 */
const PREFIX = 'aos1.';

export interface ListPosition {
  cursor: string | null;
  skip: number;
  /** The page size to request again; undefined for a plain vendor cursor. */
  size: number | undefined;
}

export function encodeListCursor(position: ListPosition): string {
  return PREFIX + Buffer.from(JSON.stringify({ c: position.cursor, s: position.skip, n: position.size })).toString('base64url');
}

export function decodeListCursor(value: string | null): ListPosition {
  if (value === null || !value.startsWith(PREFIX)) return { cursor: value, skip: 0, size: undefined };
  try {
    const { c, s, n } = JSON.parse(Buffer.from(value.slice(PREFIX.length), 'base64url').toString('utf8')) as Record<string, unknown>;
    const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
    if ((typeof c === 'string' || c === null) && count(s) && count(n)) return { cursor: c, skip: s as number, size: n as number };
  } catch {
    // Falls through to the usage error below.
  }
  throw new UsageError('--cursor is not a cursor returned by this connector');
}
