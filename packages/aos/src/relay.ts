import { spawn } from 'node:child_process';
import { ConfigError, InternalError, TimeoutError, type GlobalFlags } from '@aos-connectors/core';
import type { AosIO } from './io.js';

/** Time a connector gets past the caller's deadline to print its own TIMEOUT envelope. */
const GRACE_MS = 3_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The caller's global flags, for the connector. The mode is always explicit and always the
 * caller's (never raised to what the command needs: the connector refuses with
 * PERMISSION_DENIED); flags go first, so a `--` among the command's words cannot move them.
 */
export function forwardedFlags(flags: GlobalFlags): string[] {
  const argv = ['--mode', flags.mode];
  if (flags.json) argv.push('--json');
  if (flags.timeoutMs !== undefined) argv.push('--timeout-ms', String(flags.timeoutMs));
  if (flags.verbose) argv.push('--verbose');
  if (flags.dryRun) argv.push('--dry-run');
  if (flags.help) argv.push('--help');
  if (flags.version) argv.push('--version');
  for (const approval of flags.approve) argv.push('--approve', approval);
  if (flags.idempotencyKey !== undefined) argv.push('--idempotency-key', flags.idempotencyKey);
  if (flags.inputJson !== undefined) argv.push('--input-json', flags.inputJson);
  if (flags.fields !== undefined) argv.push('--fields', flags.fields.join(','));
  return argv;
}

/**
 * Runs a connector's bin and relays it as is: stdout and stderr streamed through (a `--all`
 * list stays streamed), its exit code returned. Only when it leaves the caller without the
 * one envelope `--json` promises (it could not start, died, or printed nothing) does aos
 * report the failure itself.
 */
export function relay(tool: string, binPath: string, argv: string[], flags: GlobalFlags, io: AosIO): Promise<number> {
  const [command, args] = /\.[cm]?js$/i.test(binPath) ? [process.execPath, [binPath, ...argv]] : [binPath, argv];
  return new Promise((resolve, reject) => {
    let printed = false;
    let timedOut = false;
    const child = spawn(command, args, { env: io.env, stdio: [io.stdin ?? 'ignore', 'pipe', 'pipe'], windowsHide: true });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    if (io.forwardSignals) for (const signal of SIGNALS) process.on(signal, forward);
    const timer = flags.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, flags.timeoutMs + GRACE_MS);
    const done = () => {
      clearTimeout(timer);
      if (io.forwardSignals) for (const signal of SIGNALS) process.off(signal, forward);
    };
    const pipe = (from: NodeJS.ReadableStream, to: AosIO['stdout'], isStdout: boolean) => {
      from.setEncoding('utf8');
      from.on('data', (text: string) => {
        if (isStdout && text.trim() !== '') printed = true;
        to.write(text);
        if (to.drain) {
          from.pause();
          void to.drain().then(() => from.resume());
        }
      });
    };
    pipe(child.stdout, io.stdout, true);
    pipe(child.stderr, io.stderr, false);
    child.on('error', (error) => {
      done();
      reject(new ConfigError(`${tool} could not start: ${error.message}`, { details: { tool, bin_path: binPath }, hint: `Check ${binPath}, or reinstall ${tool}.` }));
    });
    child.on('close', (code, signal) => {
      done();
      if (printed || (!flags.json && code !== null)) return resolve(code ?? 10);
      const details = { tool, exit_code: code, signal };
      if (timedOut) return reject(new TimeoutError(`${tool} did not finish within ${flags.timeoutMs} ms`, { details: { ...details, timeout_ms: flags.timeoutMs, retryable: true } }));
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new InternalError(`${tool} ${how} without printing a JSON envelope`, { details, hint: `Run it with --verbose to see why: aos run ${tool} --verbose ...` }));
    });
  });
}
