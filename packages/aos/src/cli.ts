import type { TextSink } from '@aos-connectors/core';
import { runAos } from './run-aos.js';

/**
 * A process stream as a sink that survives its reader going away (`aos run … | head -c 10`):
 * the EPIPE Node emits as an 'error' event would otherwise be an uncaught exception with a
 * stack. The stream is marked gone, later writes are dropped and pending drains resolve, so the
 * call finishes and exits with the code it would have had.
 */
const sink = (stream: NodeJS.WriteStream): TextSink => {
  let gone = false;
  const waiting = new Set<() => void>();
  stream.on('error', () => {
    gone = true;
    for (const resolve of waiting) resolve();
    waiting.clear();
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
  };
};

/** The `aos` bin: this process's argv, environment and streams. */
export async function main(): Promise<void> {
  process.exitCode = await runAos({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: sink(process.stdout),
    stderr: sink(process.stderr),
    isTTY: Boolean(process.stdout.isTTY),
    stdin: 'inherit',
    forwardSignals: true,
  });
}
