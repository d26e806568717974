import { envelopeSchema, type Envelope } from '@aos-connectors/core';
import type { RunResult } from './runner.js';
import { excerpt } from './text.js';

export type EnvelopeRead = { envelope: Envelope; problem?: undefined } | { envelope?: undefined; problem: string };

/** CONTRACT §2: under --json, stdout is exactly one JSON object valid against the envelope schema. */
export function readEnvelope(result: RunResult): EnvelopeRead {
  const lines = result.stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) {
    // Nothing on stdout usually means a crash: what it printed on stderr is the evidence.
    const stderr = lines.length === 0 && result.stderr.trim() ? ` (stderr: ${excerpt(result.stderr)})` : '';
    return { problem: `stdout has ${lines.length} non-empty lines, not one JSON envelope: ${excerpt(result.stdout)}${stderr}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(lines[0]!);
  } catch {
    return { problem: `stdout is not JSON: ${excerpt(lines[0]!)}` };
  }
  const checked = envelopeSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { problem: `stdout is not a valid envelope (${issue?.path.join('.') || 'root'}: ${issue?.message}): ${excerpt(lines[0]!)}` };
  }
  return { envelope: checked.data };
}

/** The envelope's data when it is an ok envelope, else undefined. */
export function okData(result: RunResult): unknown {
  const { envelope } = readEnvelope(result);
  return envelope?.ok ? envelope.data : undefined;
}
