import type { Readable } from 'node:stream';

/**
 * Copies `stream` to `write` one line at a time, each prefixed (`[telegram-main] ...`), so the
 * output of several children interleaves by whole lines. A last line without a newline is
 * flushed when the stream ends.
 */
export function prefixLines(stream: Readable, prefix: string, write: (text: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) write(`${prefix}${line}\n`);
  });
  stream.on('end', () => {
    if (pending) write(`${prefix}${pending}\n`);
    pending = '';
  });
}
