/** The caller's deadline for the whole invocation (`--timeout-ms`), shared by every request. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly endsAt: number | undefined;

  readonly timeoutMs: number | undefined;

  constructor(timeoutMs: number | undefined) {
    this.timeoutMs = timeoutMs;
    this.endsAt = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    this.signal = timeoutMs === undefined ? new AbortController().signal : AbortSignal.timeout(timeoutMs);
  }

  /** Milliseconds left, or undefined when the caller set no deadline. */
  remainingMs(): number | undefined {
    return this.endsAt === undefined ? undefined : Math.max(0, this.endsAt - Date.now());
  }
}
