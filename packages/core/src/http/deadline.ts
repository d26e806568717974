/**
 * The caller's deadline for the whole invocation (`--timeout-ms`), shared by every request,
 * and the host's cancellation (an MCP client's `notifications/cancelled`, a service caller's
 * AbortSignal): either one aborts `signal`.
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly endsAt: number | undefined;
  private readonly caller: AbortSignal | undefined;

  readonly timeoutMs: number | undefined;

  constructor(timeoutMs: number | undefined, caller?: AbortSignal) {
    this.timeoutMs = timeoutMs;
    this.caller = caller;
    this.endsAt = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    const signals = [timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs), caller].filter((s): s is AbortSignal => s !== undefined);
    this.signal = signals.length === 0 ? new AbortController().signal : signals.length === 1 ? signals[0]! : AbortSignal.any(signals);
  }

  /** The host can cancel this call. */
  get cancellable(): boolean {
    return this.caller !== undefined;
  }

  /** The call ended because the host cancelled it, not because time ran out. */
  get cancelled(): boolean {
    return this.caller?.aborted === true;
  }

  /** Milliseconds left, or undefined when the caller set no deadline. */
  remainingMs(): number | undefined {
    return this.endsAt === undefined ? undefined : Math.max(0, this.endsAt - Date.now());
  }
}
