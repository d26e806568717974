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

/**
 * Cursors of Link-header APIs (linkPage). The `next` link is kept as a reference relative to the
 * API base URL, behind a tag saying linkPage issued it: `aos-link:repos/o/r/labels?page=2`. It
 * stays readable on purpose (people and logs can tell which page it is), but is decoded only
 * through decodeLinkCursor, whose structural check is the boundary: what comes out is a path
 * under the base URL's path on the base URL's origin, with no `.`/`..` segments (raw or
 * percent-encoded), no backslash, no encoded slash, no scheme, no `//` and no control characters.
 * A raw path or URL (`/user`, `../x`, `\\host/x`) is not a cursor at all. The tag is not a
 * signature: a forged cursor can still name another page of the same API, but never another
 * host, another base path or a path outside the base path, so it carries no more than a
 * connector's own relative paths could.
 */
const LINK_PREFIX = 'aos-link:';
const MAX_LINK_CURSOR = 4096;

export function encodeLinkCursor(next: URL, base: URL): string | null {
  if (next.origin !== base.origin || !next.pathname.startsWith(base.pathname)) return null;
  const relative = next.pathname.slice(base.pathname.length) + next.search;
  return linkProblem(relative) === undefined ? LINK_PREFIX + relative : null;
}

/** The URL a link cursor stands for; UsageError (before any request) for anything else. */
export function decodeLinkCursor(value: string, base: URL): URL {
  const refuse = (why: string) =>
    new UsageError(`--cursor is not a cursor returned by this connector: ${why}`, {
      details: { field: 'cursor' },
      hint: 'Pass the next_cursor value of an earlier call unchanged, or leave --cursor out to start at the first page.',
    });
  if (!value.startsWith(LINK_PREFIX)) throw refuse('expected a next_cursor value of this list');
  const relative = value.slice(LINK_PREFIX.length);
  const problem = linkProblem(relative);
  if (problem) throw refuse(problem);
  const url = new URL(relative, base);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) throw refuse('it leaves the API base URL');
  return url;
}

/** Why a relative reference is not one linkPage would issue, or undefined when it is fine. */
function linkProblem(relative: string): string | undefined {
  if (relative === '' || relative.length > MAX_LINK_CURSOR) return 'empty or too long';
  // Printable ASCII only: no spaces, control characters, backslashes or fragments.
  if (!/^[\x21-\x7e]+$/.test(relative) || /[\\#]/.test(relative)) return 'it holds characters a page link never has';
  if (relative.startsWith('/')) return 'it must be relative to the API base URL';
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) return 'it must not name a scheme or host';
  const path = relative.split('?')[0]!;
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'it holds a malformed percent-encoding';
    }
    if (decoded === '.' || decoded === '..') return 'it must not hold "." or ".." path segments';
    if (/[/\\]/.test(decoded)) return 'it must not hold an encoded slash or backslash';
  }
  if (/\/\//.test(path)) return 'it must not hold an empty path segment';
  return undefined;
}
