import { AosError } from './aos-error.js';

/** A required credential is not set. */
export class AuthRequiredError extends AosError {
  static readonly code = 'AUTH_REQUIRED';
  readonly code = AuthRequiredError.code;
}

/** The vendor refused the credentials (HTTP 401/403). */
export class AuthFailedError extends AosError {
  static readonly code = 'AUTH_FAILED';
  readonly code = AuthFailedError.code;
}

/** A setting is missing or malformed. */
export class ConfigError extends AosError {
  static readonly code = 'CONFIG_ERROR';
  readonly code = ConfigError.code;
}
