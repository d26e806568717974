/** What running one command produced: its stdout (one envelope, by contract) or why there is none. */
export interface RunOutcome {
  stdout: string;
  exitCode: number | null;
  /** Set when the command could not run to its envelope: it failed to start, was killed, overflowed. */
  problem?: { code: 'CONFIG_ERROR' | 'TIMEOUT' | 'INTERNAL_ERROR'; message: string };
  /** The start of stderr, for the error message when there is no envelope. */
  stderrHead?: string;
}

/** Runs commands of one connector, in-process or by spawning its bin. */
export interface CommandRunner {
  tool: string;
  version: string;
  run(argv: string[], signal: AbortSignal): Promise<RunOutcome>;
}
