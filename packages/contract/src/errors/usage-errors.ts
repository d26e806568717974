import { AosError } from './aos-error.js';

/** The command line itself is wrong: unknown command or flag, missing or malformed argument. */
export class UsageError extends AosError {
  static readonly code = 'INVALID_USAGE';
  readonly code = UsageError.code;
}

/** The vendor rejected the request's content (HTTP 400/422). */
export class ValidationFailedError extends AosError {
  static readonly code = 'VALIDATION_FAILED';
  readonly code = ValidationFailedError.code;
}

/** The vendor reported a conflict with the resource's current state (HTTP 409). */
export class ConflictError extends AosError {
  static readonly code = 'CONFLICT';
  readonly code = ConflictError.code;
}
