import type { AosError } from '@aos-connectors/contract';
import { BackendUnavailableError, toAosError } from '@aos-connectors/contract';
import type { ListStream, Output } from '../output/output.js';
import { decodeListCursor, encodeListCursor } from './list-cursor.js';
import type { CommandContext, ListCommandDefinition, Page } from './types.js';

/**
 * The most pages one invocation follows. A vendor that keeps answering with new cursors (a
 * broken API, or a hostile one) would otherwise keep `--all` running until killed; 10,000 pages
 * is far beyond any real collection read in one go (GitHub caps pages at 100 items, so a
 * million items). Past it the call ends with BACKEND_UNAVAILABLE and the cursor to resume from.
 */
export const MAX_PAGES_PER_CALL = 10_000;

/**
 * Stops pagination that goes round in circles: a cursor (or Link URL) already followed in this
 * invocation means the vendor repeated a page (A→A, or A→B→A), and following it would return
 * the same items forever. The set holds at most MAX_PAGES_PER_CALL cursors, so memory stays bounded.
 */
class PageGuard {
  private readonly seen = new Set<string>();
  private pages = 0;

  constructor(start: string | null) {
    if (start !== null) this.seen.add(start);
  }

  /** Called before following `next`; throws BACKEND_UNAVAILABLE for a repeat or past the page cap. */
  follow(next: string): void {
    this.pages += 1;
    if (this.seen.has(next)) {
      throw new BackendUnavailableError(
        `The API returned a page it had already returned (its next cursor repeats after ${this.pages} pages); stopped instead of looping`,
        {
          details: { retryable: false, reason: 'repeated_page', pages: this.pages, next_cursor: next },
          hint: 'The vendor\'s pagination is broken for this list; narrow the query or try again later.',
        },
      );
    }
    if (this.pages >= MAX_PAGES_PER_CALL) {
      throw new BackendUnavailableError(`Stopped after ${this.pages} pages, the most one call follows`, {
        details: { retryable: false, reason: 'page_cap', pages: this.pages, max_pages: MAX_PAGES_PER_CALL, next_cursor: next },
        hint: 'Resume with --cursor and the next_cursor in details, or narrow the query.',
      });
    }
    this.seen.add(next);
  }
}

export interface ListInput {
  limit: number;
  cursor?: string;
  all: boolean;
}

/**
 * Drives a list command's pages behind `--limit`, `--cursor` and `--all`. With `--all` each
 * page is written as it arrives and then dropped, so memory stays flat however many items.
 * The handler never sees `limit`, `cursor` or `all`: only `ctx.page`.
 */
export async function runList(
  command: ListCommandDefinition,
  { limit, cursor: givenCursor, all, ...input }: Record<string, unknown> & ListInput,
  ctx: CommandContext,
  output: Output,
  mapError: (error: unknown) => AosError,
): Promise<void> {
  const { maxPageSize, key, columns } = command.list;
  const start = decodeListCursor(givenCursor ?? null);
  let cursor = start.cursor;
  let skip = start.skip;
  let resumeSize = start.size;
  const guard = new PageGuard(start.cursor);
  const fetchPage = async (wanted: number): Promise<Page> => {
    const size = resumeSize ?? wanted;
    resumeSize = undefined;
    const page = checkPage(await command.run(input, { ...ctx, page: { cursor, size } }), command.id);
    // Items a truncated earlier call already returned from this same page.
    return skip > 0 ? { ...page, items: page.items.slice(skip) } : page;
  };

  if (!all) {
    const items: unknown[] = [];
    let meta: Record<string, unknown> | undefined;
    let next: string | null = null;
    for (;;) {
      const wanted = limit - items.length;
      const size = resumeSize ?? Math.min(maxPageSize, wanted);
      const page = await fetchPage(size);
      meta ??= page.meta;
      // A loop, not push(...items): a page can hold more items than a call takes arguments.
      const take = Math.min(wanted, page.items.length);
      for (let i = 0; i < take; i++) items.push(page.items[i]);
      if (page.items.length > wanted) {
        // The page holds more than asked (fixed-size pages): resume inside it, not after it.
        next = encodeListCursor({ cursor, skip: skip + wanted, size });
        break;
      }
      skip = 0;
      cursor = page.next_cursor;
      next = cursor;
      if (!cursor || items.length >= limit) break;
      guard.follow(cursor);
    }
    output.success(command.id, { [key]: items, next_cursor: next, has_more: next !== null, ...meta }, { key, columns });
    return;
  }

  // The first page is fetched before anything is written, so an early failure is a plain error envelope.
  let page = await fetchPage(maxPageSize);
  const stream: ListStream = output.startList(command.id, { key, columns });
  for (;;) {
    stream.items(page.items);
    await stream.flush();
    skip = 0;
    cursor = page.next_cursor;
    // Where to resume should the list break off outside this loop (the host cancelled, the deadline hit).
    stream.resumeAt(cursor ?? null);
    if (!cursor) break;
    try {
      guard.follow(cursor);
      page = await fetchPage(maxPageSize);
    } catch (thrown) {
      // Cancelled or out of time: the harness reports that itself (Output.error closes the stream
      // with the resume cursor given above), whichever of us sees the abort first.
      if (ctx.signal.aborted) throw thrown;
      const error = mapError(thrown);
      stream.fail({ code: error.code, message: error.message, details: error.details, hint: error.hint }, cursor);
      throw new StreamedFailure(error);
    }
  }
  stream.end(null, false);
}

/**
 * A page as the handler returned it, checked: an answer without an items array (`{}` where a list
 * was due) is the vendor's unexpected answer, BACKEND_UNAVAILABLE, not a TypeError in our code.
 */
function checkPage(page: Page, commandId: string): Page {
  const items = (page as Partial<Page> | null | undefined)?.items;
  if (!Array.isArray(items)) {
    throw new BackendUnavailableError(`${commandId}: the API's answer holds no list of items (got ${items === null ? 'null' : typeof items})`, {
      details: { retryable: false, expected: 'an array of items', received: items === null ? 'null' : typeof items },
      hint: 'The vendor answered in an unexpected shape; try again later or report it if it persists.',
    });
  }
  const next = (page as { next_cursor?: unknown }).next_cursor;
  return next === undefined ? { ...page, next_cursor: null } : page;
}

/** A failure already written inside a streamed envelope; the harness only records and exits. */
export class StreamedFailure {
  readonly error: ReturnType<typeof toAosError>;
  constructor(error: ReturnType<typeof toAosError>) {
    this.error = error;
  }
}
