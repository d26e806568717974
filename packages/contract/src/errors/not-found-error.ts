import { AosError } from './aos-error.js';

/** The resource does not exist (HTTP 404 or an unknown id). */
export class NotFoundError extends AosError {
  static readonly code = 'NOT_FOUND';
  readonly code = NotFoundError.code;
}
