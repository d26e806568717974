import { toAosError } from '../errors/internal-error.js';
import type { ListStream, Output } from '../output/output.js';
import type { CommandContext, ListCommandDefinition } from './types.js';

export interface ListInput {
  limit: number;
  cursor?: string;
  all: boolean;
}

/**
 * Drives a list command's pages behind `--limit`, `--cursor` and `--all`. With `--all` each
 * page is written as it arrives and then dropped, so memory stays flat however many items.
 */
export async function runList(
  command: ListCommandDefinition,
  input: Record<string, unknown> & ListInput,
  ctx: CommandContext,
  output: Output,
): Promise<void> {
  const { maxPageSize, key, columns } = command.list;
  let cursor: string | null = input.cursor ?? null;
  const page = (size: number) => command.run(input, { ...ctx, page: { cursor, size } });

  if (!input.all) {
    const items: unknown[] = [];
    do {
      const result = await page(Math.min(maxPageSize, input.limit - items.length));
      items.push(...result.items.slice(0, input.limit - items.length));
      cursor = result.next_cursor;
    } while (cursor && items.length < input.limit);
    output.success(command.id, { [key]: items, next_cursor: cursor, has_more: cursor !== null }, { key, columns });
    return;
  }

  // The first page is fetched before anything is written, so an early failure is a plain error envelope.
  let result = await page(maxPageSize);
  const stream: ListStream = output.startList(command.id, { key, columns });
  for (;;) {
    stream.items(result.items);
    await stream.flush();
    cursor = result.next_cursor;
    if (!cursor) break;
    try {
      result = await page(maxPageSize);
    } catch (thrown) {
      const error = toAosError(thrown);
      stream.fail({ code: error.code, message: error.message, details: error.details, hint: error.hint }, cursor);
      throw new StreamedFailure(error);
    }
  }
  stream.end(null, false);
}

/** A failure already written inside a streamed envelope; the harness only records and exits. */
export class StreamedFailure {
  readonly error: ReturnType<typeof toAosError>;
  constructor(error: ReturnType<typeof toAosError>) {
    this.error = error;
  }
}
