import type { EnvelopeError, Invocation } from '@aos-connectors/contract';
import type { ListStream, ListView, Output } from './output.js';
import type { TextSink } from './sink.js';
import type { Style } from './style.js';
import { pickColumns, renderRecord, renderTable } from './table.js';

/** Without `--json`: tables and records on stdout, one-line errors with a hint on stderr. */
export function humanOutput(stdout: TextSink, stderr: TextSink, invocation: Invocation, style: Style): Output {
  const fail = (message: string, code: string, hint?: string) => {
    stderr.write(`${style.red('error')}: ${message} ${style.dim(`[${code}]`)}\n`);
    if (hint) stderr.write(`hint: ${hint}\n`);
  };
  const moreHint = (nextCursor: string | null) => {
    if (nextCursor) stderr.write(style.dim(`More results: --cursor ${nextCursor} (or --all)\n`));
  };
  // The streamed list in progress: an error while it is open is reported as its break-off.
  let open: { fail(error: EnvelopeError & { hint?: string }): void } | undefined;
  return {
    success(_command, data, list) {
      if (list && data && typeof data === 'object') {
        const record = data as Record<string, unknown>;
        const items = (record[list.key] as unknown[]) ?? [];
        stdout.write(items.length ? renderTable(items, pickColumns(items, list.columns), style) : `No ${list.key}.\n`);
        moreHint(record.next_cursor as string | null);
      } else {
        stdout.write(renderRecord(data, style));
      }
      if (invocation.dryRun) stderr.write(style.dim('Dry run: nothing was sent.\n'));
    },
    error: (_command, error) => (open ? open.fail(error) : fail(error.message, error.code, error.hint)),
    text: (_command, text) => stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    startList(_command: string, list: ListView): ListStream {
      let columns: string[] | undefined;
      let count = 0;
      let resume: string | null = null;
      let closed = false;
      const stream: ListStream = {
        items(items) {
          if (items.length === 0) return;
          const header = columns === undefined;
          columns ??= pickColumns(items, list.columns);
          stdout.write(renderTable(items, columns, style, header));
          count += items.length;
        },
        flush: () => stdout.drain?.() ?? Promise.resolve(),
        resumeAt(nextCursor) {
          resume = nextCursor;
        },
        end(nextCursor) {
          if (closed) return;
          closed = true;
          open = undefined;
          if (count === 0) stdout.write(`No ${list.key}.\n`);
          moreHint(nextCursor);
        },
        fail(error, nextCursor) {
          if (closed) return;
          closed = true;
          open = undefined;
          fail(error.message, error.code, error.hint);
          if (nextCursor) stderr.write(`Resume with --cursor ${nextCursor}\n`);
        },
      };
      open = { fail: (error) => stream.fail(error, resume) };
      return stream;
    },
  };
}
