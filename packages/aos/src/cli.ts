// Process streams that survive their reader going away (`aos run … | head -c 10`): no EPIPE stack.
import { processSink } from '@aos-connectors/core';
import { runAos } from './run-aos.js';

/** The `aos` bin: this process's argv, environment and streams. */
export async function main(): Promise<void> {
  process.exitCode = await runAos({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: processSink(process.stdout),
    stderr: processSink(process.stderr),
    isTTY: Boolean(process.stdout.isTTY),
    stdin: 'inherit',
    forwardSignals: true,
  });
}
