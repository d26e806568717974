import { AosError } from './aos-error.js';

/** The vendor could not be reached or failed (network error, 5xx, malformed response). */
export class BackendUnavailableError extends AosError {
  readonly code = 'BACKEND_UNAVAILABLE';
}

/** The caller's deadline passed before the vendor answered. */
export class TimeoutError extends AosError {
  readonly code = 'TIMEOUT';
}

/** The vendor's rate limit was hit and its reset lies beyond the caller's deadline. */
export class RateLimitedError extends AosError {
  readonly code = 'RATE_LIMITED';
}
