export { AOS_ERROR_BRAND, AosError, isAosError, type ErrorDetails } from './aos-error.js';
export { UsageError, ValidationFailedError, ConflictError } from './usage-errors.js';
export { PermissionDeniedError, PolicyDeniedError, ApprovalRequiredError } from './permission-errors.js';
export { AuthRequiredError, AuthFailedError, ConfigError } from './auth-errors.js';
export { BackendUnavailableError, TimeoutError, RateLimitedError } from './backend-errors.js';
export { NotFoundError } from './not-found-error.js';
export { InternalError, toAosError } from './internal-error.js';
