import { spawn } from 'node:child_process';
import type { Env } from './types.js';

export type SpawnOutcome =
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'failed'; message: string };

/** A one-object envelope is small; anything bigger is garbage, and is not buffered without end. */
const MAX_OUTPUT_BYTES = 1 << 20;

export function isJavaScript(file: string): boolean {
  return /\.[cm]?js$/i.test(file);
}

/**
 * Runs a connector binary once. JavaScript bins run under this node directly: it saves the
 * `/usr/bin/env node` lookup, and works where the file lacks an exec bit or a shebang is
 * meaningless (Windows). On timeout the child is SIGKILLed and the promise settles at once,
 * without waiting for pipes a grandchild may still hold open.
 */
export function runBinary(binPath: string, args: readonly string[], env: Env, timeoutMs: number): Promise<SpawnOutcome> {
  const [command, argv] = isJavaScript(binPath) ? [process.execPath, [binPath, ...args]] : [binPath, [...args]];
  return new Promise((resolvePromise) => {
    let settled = false;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const finish = (outcome: SpawnOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome.kind !== 'exited') {
        child.kill('SIGKILL');
        child.stdout.destroy();
        child.stderr.destroy();
      }
      resolvePromise(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout', ms: timeoutMs }), timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) finish({ kind: 'failed', message: `printed more than ${MAX_OUTPUT_BYTES} bytes` });
      else into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.on('error', (error) => finish({ kind: 'failed', message: `could not start: ${error.message}` }));
    child.on('close', (code, signal) =>
      finish({
        kind: 'exited',
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}
