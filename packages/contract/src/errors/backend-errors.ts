import { AosError } from './aos-error.js';

/** The vendor could not be reached or failed (network error, 5xx, malformed response). */
export class BackendUnavailableError extends AosError {
  static readonly code = 'BACKEND_UNAVAILABLE';
  readonly code = BackendUnavailableError.code;
}

/** The caller's deadline passed before the vendor answered. */
export class TimeoutError extends AosError {
  static readonly code = 'TIMEOUT';
  readonly code = TimeoutError.code;
}

/** The vendor's rate limit was hit and its reset lies beyond the caller's deadline. */
export class RateLimitedError extends AosError {
  static readonly code = 'RATE_LIMITED';
  readonly code = RateLimitedError.code;
}
