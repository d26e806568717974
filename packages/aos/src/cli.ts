import type { TextSink } from '@aos-connectors/core';
import { runAos } from './run-aos.js';

const sink = (stream: NodeJS.WriteStream): TextSink => ({
  write: (text) => void stream.write(text),
  drain: () => (stream.writableNeedDrain ? new Promise((resolve) => stream.once('drain', () => resolve())) : Promise.resolve()),
});

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
