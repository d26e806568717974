import { AosError } from './aos-error.js';

/** A required credential is not set. */
export class AuthRequiredError extends AosError {
  readonly code = 'AUTH_REQUIRED';
}

/** The vendor refused the credentials (HTTP 401/403). */
export class AuthFailedError extends AosError {
  readonly code = 'AUTH_FAILED';
}

/** A setting is missing or malformed. */
export class ConfigError extends AosError {
  readonly code = 'CONFIG_ERROR';
}
