import type { TextSink } from './sink.js';

/**
 * A process stream as a sink that survives its reader going away: `… --json | head -c 10` closes
 * the pipe, and the next write fails with EPIPE. Node emits that as an 'error' event, which
 * without a listener is an uncaught exception (a stack on stderr, exit 1). Here the stream is
 * marked gone, later writes are dropped, pending drains resolve, and `onGone` runs once.
 */
export function processSink(stream: NodeJS.WriteStream, onGone: () => void = () => {}): TextSink {
  let gone = false;
  const waiting = new Set<() => void>();
  stream.on('error', () => {
    if (gone) return;
    gone = true;
    for (const resolve of waiting) resolve();
    waiting.clear();
    onGone();
  });
  return {
    write: (text) => {
      if (!gone) stream.write(text);
    },
    drain: () =>
      gone || !stream.writableNeedDrain
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              waiting.delete(done);
              stream.off('drain', done);
              resolve();
            };
            waiting.add(done);
            stream.once('drain', done);
          }),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
  };
}
