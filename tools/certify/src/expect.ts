import type { Envelope } from '@aos-connectors/core';
import { readEnvelope } from './envelope.js';
import type { ConnectorRunner, RunResult } from './runner.js';
import { excerpt, hasStackTrace } from './text.js';

/** An ok envelope and exit 0, or a sentence saying what came instead. */
export function expectOk(runner: ConnectorRunner, result: RunResult): { envelope?: Extract<Envelope, { ok: true }>; problem?: string } {
  const { envelope, problem } = readEnvelope(result);
  const call = runner.describe(result);
  if (!envelope) return { problem: `${call}: ${problem}` };
  if (!envelope.ok) return { problem: `${call}: ${envelope.error.code} "${excerpt(envelope.error.message, 100)}" (exit ${result.exitCode})` };
  if (result.exitCode !== 0) return { problem: `${call}: ok envelope but exit ${result.exitCode}` };
  return { envelope };
}

/** An error envelope with `code` and `exit`, a message a person can read, and no stack trace anywhere. */
export function expectError(runner: ConnectorRunner, result: RunResult, code: string, exit: number): string | undefined {
  const call = runner.describe(result);
  if (result.timedOut) return `${call}: did not finish (killed after the run timeout)`;
  const { envelope, problem } = readEnvelope(result);
  if (!envelope) return `${call}: ${problem} (exit ${result.exitCode})`;
  if (envelope.ok) return `${call}: answered ok, expected ${code} (exit ${exit})`;
  if (envelope.error.code !== code || result.exitCode !== exit) {
    return `${call}: ${envelope.error.code} with exit ${result.exitCode}, expected ${code} with exit ${exit} ("${excerpt(envelope.error.message, 100)}")`;
  }
  return readableMessage(call, envelope.error.message, result.stderr);
}

/** One understandable sentence: long enough to say something, no stack trace, no "[object Object]". */
export function readableMessage(call: string, message: string, stderr = ''): string | undefined {
  if (message.trim().length < 10) return `${call}: message "${message}" is too short to tell a person what happened`;
  if (/\[object Object\]|^undefined$|^null$/.test(message)) return `${call}: message "${excerpt(message, 80)}" is not readable`;
  if (hasStackTrace(message) || hasStackTrace(stderr)) return `${call}: prints a stack trace (${excerpt(message + ' ' + stderr, 100)})`;
  return undefined;
}
