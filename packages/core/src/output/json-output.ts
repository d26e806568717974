import { envelopeMeta, errorEnvelope, successEnvelope, type EnvelopeError, type Invocation } from '@aos-connectors/contract';
import type { ListStream, ListView, Output } from './output.js';
import type { TextSink } from './sink.js';

const errorBody = ({ code, message, details }: EnvelopeError): EnvelopeError => ({ code, message, details });

/** The resume cursor in the error's details too, where a caller retrying the call looks for it. */
export function withResume(error: EnvelopeError, nextCursor: string | null): EnvelopeError {
  if (nextCursor === null || (error.details && 'next_cursor' in error.details)) return error;
  return { ...error, details: { ...error.details, next_cursor: nextCursor } };
}

/** `--json`: exactly one JSON object on stdout for every outcome (CONTRACT §2). */
export function jsonOutput(stdout: TextSink, invocation: Invocation): Output {
  const line = (value: unknown) => stdout.write(`${JSON.stringify(value)}\n`);
  // The streamed list in progress, and whether one has been written to the end.
  let open: { fail(error: EnvelopeError): void } | undefined;
  let closed = false;
  return {
    success: (command, data) => line(successEnvelope(invocation, command, data)),
    error: (command, error) => {
      if (open) return open.fail(error);
      if (!closed) line(errorEnvelope(invocation, command, errorBody(error)));
    },
    text: (command, _text, data) => line(successEnvelope(invocation, command, data)),
    startList(command: string, list: ListView): ListStream {
      // Streamed with `ok` last, so a failure after some pages still yields one valid object
      // that keeps the items already fetched and the cursor to resume from.
      const head = JSON.stringify({ tool: invocation.tool, command }).slice(0, -1);
      stdout.write(`${head},"data":{${JSON.stringify(list.key)}:[`);
      let first = true;
      let resume: string | null = null;
      // Written once: a second close (the runner failing after the harness already closed it) is dropped.
      const close = (nextCursor: string | null, hasMore: boolean): boolean => {
        if (closed) return false;
        closed = true;
        open = undefined;
        stdout.write(`],"next_cursor":${JSON.stringify(nextCursor)},"has_more":${hasMore}}`);
        return true;
      };
      const stream: ListStream = {
        items(items) {
          if (closed) return;
          for (const item of items) {
            stdout.write((first ? '' : ',') + JSON.stringify(item));
            first = false;
          }
        },
        flush: () => stdout.drain?.() ?? Promise.resolve(),
        resumeAt(nextCursor) {
          resume = nextCursor;
        },
        end(nextCursor, hasMore) {
          if (!close(nextCursor, hasMore)) return;
          stdout.write(`,"ok":true,"meta":${JSON.stringify(envelopeMeta(invocation))}}\n`);
        },
        fail(error, nextCursor) {
          if (!close(nextCursor, nextCursor !== null)) return;
          stdout.write(`,"ok":false,"error":${JSON.stringify(errorBody(error))},"meta":${JSON.stringify(envelopeMeta(invocation))}}\n`);
        },
      };
      open = { fail: (error) => stream.fail(withResume(error, resume), resume) };
      return stream;
    },
  };
}
