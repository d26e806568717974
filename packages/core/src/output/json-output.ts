import { envelopeMeta, errorEnvelope, successEnvelope, type EnvelopeError, type Invocation } from '@aos-connectors/contract';
import type { ListStream, ListView, Output } from './output.js';
import type { TextSink } from './sink.js';

const errorBody = ({ code, message, details }: EnvelopeError): EnvelopeError => ({ code, message, details });

/** `--json`: exactly one JSON object on stdout for every outcome (CONTRACT §2). */
export function jsonOutput(stdout: TextSink, invocation: Invocation): Output {
  const line = (value: unknown) => stdout.write(`${JSON.stringify(value)}\n`);
  return {
    success: (command, data) => line(successEnvelope(invocation, command, data)),
    error: (command, error) => line(errorEnvelope(invocation, command, errorBody(error))),
    text: (command, _text, data) => line(successEnvelope(invocation, command, data)),
    startList(command: string, list: ListView): ListStream {
      // Streamed with `ok` last, so a failure after some pages still yields one valid object
      // that keeps the items already fetched and the cursor to resume from.
      const head = JSON.stringify({ tool: invocation.tool, command }).slice(0, -1);
      stdout.write(`${head},"data":{${JSON.stringify(list.key)}:[`);
      let first = true;
      const close = (nextCursor: string | null, hasMore: boolean) =>
        stdout.write(`],"next_cursor":${JSON.stringify(nextCursor)},"has_more":${hasMore}}`);
      return {
        items(items) {
          for (const item of items) {
            stdout.write((first ? '' : ',') + JSON.stringify(item));
            first = false;
          }
        },
        flush: () => stdout.drain?.() ?? Promise.resolve(),
        end(nextCursor, hasMore) {
          close(nextCursor, hasMore);
          stdout.write(`,"ok":true,"meta":${JSON.stringify(envelopeMeta(invocation))}}\n`);
        },
        fail(error, nextCursor) {
          close(nextCursor, nextCursor !== null);
          stdout.write(`,"ok":false,"error":${JSON.stringify(errorBody(error))},"meta":${JSON.stringify(envelopeMeta(invocation))}}\n`);
        },
      };
    },
  };
}
