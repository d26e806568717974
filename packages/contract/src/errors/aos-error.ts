import { ERROR_EXIT_CODES, type ErrorCode, type ExitCode } from '../error-codes.js';

export type ErrorDetails = Record<string, unknown>;

/**
 * The base of the closed set of contract errors. The exit code is never chosen by the thrower:
 * it comes from the one table in contract/error-codes.ts.
 */
export abstract class AosError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetails;
  /** A one-line hint for people (human output only). */
  readonly hint: string | undefined;

  constructor(message: string, options: { details?: ErrorDetails; cause?: unknown; hint?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? {};
    this.hint = options.hint;
  }

  get exitCode(): ExitCode {
    return ERROR_EXIT_CODES[this.code];
  }
}

export function isAosError(error: unknown): error is AosError {
  return error instanceof AosError;
}
