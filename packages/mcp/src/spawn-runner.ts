import { spawn } from 'node:child_process';
import type { CommandRunner, RunOutcome } from './runner.js';

type Env = Record<string, string | undefined>;

/** Far above any envelope a bounded list produces; past it the call fails instead of eating memory. */
const MAX_STDOUT_BYTES = 32 << 20;
const STDERR_HEAD_BYTES = 4096;
/** How long a connector gets past its deadline to print its own TIMEOUT envelope before it is killed. */
const GRACE_MS = 3_000;

export interface SpawnRunnerOptions {
  tool: string;
  version: string;
  binPath: string;
  env: Env;
  /** The session's deadline; the child is killed GRACE_MS after it. */
  timeoutMs?: number;
}

/** Runs a connector's bin per call with `--input-json`. JavaScript bins run under this node, as discovery's probes do. */
export function spawnRunner(options: SpawnRunnerOptions): CommandRunner {
  const { binPath, env, timeoutMs } = options;
  const [command, prefix] = /\.[cm]?js$/i.test(binPath) ? [process.execPath, [binPath]] : [binPath, []];
  return {
    tool: options.tool,
    version: options.version,
    run: ({ path, input, mode, timeoutMs: callTimeoutMs, fields }, signal) =>
      new Promise<RunOutcome>((resolve) => {
        // JSON input goes to the connector as JSON: no argv words for an agent's values.
        const argv = [...path, '--input-json', JSON.stringify(input), '--json', '--mode', mode];
        if (callTimeoutMs !== undefined) argv.push('--timeout-ms', String(callTimeoutMs));
        if (fields !== undefined) argv.push(`--fields=${fields.join(',')}`);
        const stdout: Buffer[] = [];
        let size = 0;
        let stderrHead = '';
        let problem: RunOutcome['problem'];
        let settled = false;
        const child = spawn(command, [...prefix, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
        const kill = (why: RunOutcome['problem']) => {
          problem ??= why;
          child.kill('SIGKILL');
        };
        const finish = (outcome: RunOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(outcome);
        };
        const timer = timeoutMs === undefined ? undefined : setTimeout(
          () => kill({ code: 'TIMEOUT', message: `${options.tool} did not finish within ${timeoutMs} ms` }),
          timeoutMs + GRACE_MS,
        );
        const onAbort = () => kill({ code: 'INTERNAL_ERROR', message: 'the call was cancelled by the client' });
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) onAbort();
        child.stdout.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_STDOUT_BYTES) kill({ code: 'INTERNAL_ERROR', message: `${options.tool} printed more than ${MAX_STDOUT_BYTES} bytes; ask for less (limit)` });
          else stdout.push(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          if (stderrHead.length < STDERR_HEAD_BYTES) stderrHead = (stderrHead + chunk.toString('utf8')).slice(0, STDERR_HEAD_BYTES);
        });
        child.on('error', (error) =>
          finish({ stdout: '', exitCode: null, problem: { code: 'CONFIG_ERROR', message: `${options.tool} could not start: ${error.message}` } }),
        );
        child.on('close', (code) =>
          finish({ stdout: Buffer.concat(stdout).toString('utf8'), exitCode: code, stderrHead, ...(problem ? { problem } : {}) }),
        );
      }),
  };
}
