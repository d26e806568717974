import { AosError } from './aos-error.js';

/** The command line itself is wrong: unknown command or flag, missing or malformed argument. */
export class UsageError extends AosError {
  readonly code = 'INVALID_USAGE';
}

/** The vendor rejected the request's content (HTTP 400/422). */
export class ValidationFailedError extends AosError {
  readonly code = 'VALIDATION_FAILED';
}

/** The vendor reported a conflict with the resource's current state (HTTP 409). */
export class ConflictError extends AosError {
  readonly code = 'CONFLICT';
}
