import type { Mode } from '@aos-connectors/contract';

/** What running one command produced: its stdout (one envelope, by contract) or why there is none. */
export interface RunOutcome {
  stdout: string;
  exitCode: number | null;
  /** Set when the command could not run to its envelope: it failed to start, was killed, overflowed. */
  problem?: { code: 'CONFIG_ERROR' | 'TIMEOUT' | 'INTERNAL_ERROR'; message: string };
  /** The start of stderr, for the error message when there is no envelope. */
  stderrHead?: string;
}

/** One tool call as the connector takes it: a command id and JSON input, in the session's mode. */
export interface RunRequest {
  commandId: string;
  /** argv words of the command, for a spawned bin. */
  path: string[];
  input: Record<string, unknown>;
  mode: Mode;
  timeoutMs?: number;
  /** Only these fields of the result (`--fields`), for tools with an output schema. */
  fields?: string[];
}

/** Runs commands of one connector, in-process (`invoke`) or by spawning its bin (`--input-json`). */
export interface CommandRunner {
  tool: string;
  version: string;
  run(request: RunRequest, signal: AbortSignal): Promise<RunOutcome>;
}
