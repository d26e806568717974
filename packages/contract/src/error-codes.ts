/**
 * The one table of error codes and exit codes (CONTRACT §3). Every error the harness prints
 * gets its exit code from here and nowhere else. Dependency-free: the fast path loads it.
 */
export const EXIT = {
  OK: 0,
  USAGE: 2,
  PERMISSION: 3,
  AUTH: 4,
  BACKEND: 5,
  NOT_FOUND: 6,
  INTERNAL: 10,
} as const;

export const ERROR_EXIT_CODES = {
  INVALID_USAGE: EXIT.USAGE,
  VALIDATION_FAILED: EXIT.USAGE,
  CONFLICT: EXIT.USAGE,
  PERMISSION_DENIED: EXIT.PERMISSION,
  POLICY_DENIED: EXIT.PERMISSION,
  APPROVAL_REQUIRED: EXIT.PERMISSION,
  AUTH_REQUIRED: EXIT.AUTH,
  AUTH_FAILED: EXIT.AUTH,
  CONFIG_ERROR: EXIT.AUTH,
  BACKEND_UNAVAILABLE: EXIT.BACKEND,
  TIMEOUT: EXIT.BACKEND,
  RATE_LIMITED: EXIT.BACKEND,
  NOT_FOUND: EXIT.NOT_FOUND,
  INTERNAL_ERROR: EXIT.INTERNAL,
} as const;

export type ErrorCode = keyof typeof ERROR_EXIT_CODES;
export const ERROR_CODES = Object.keys(ERROR_EXIT_CODES) as ErrorCode[];
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
