import { AosError, isAosError } from './aos-error.js';

/** A bug. Its message is generic; the original error stays in `cause` (stack on stderr with --verbose). */
export class InternalError extends AosError {
  static readonly code = 'INTERNAL_ERROR';
  readonly code = InternalError.code;
}

/** Any thrown value as a contract error: contract errors (of any copy of the contract) pass through as they are, anything else is a bug. */
export function toAosError(error: unknown): AosError {
  if (isAosError(error)) return error;
  const kind = error instanceof Error ? error.name : typeof error;
  return new InternalError(`Unexpected internal error (${kind}); re-run with --verbose for the stack trace`, {
    cause: error,
  });
}
