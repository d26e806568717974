import type { Mode } from '../modes.js';
import { AosError } from './aos-error.js';

/** The invocation's mode is lower than the command's required mode. */
export class PermissionDeniedError extends AosError {
  static readonly code = 'PERMISSION_DENIED';
  readonly code = PermissionDeniedError.code;
  constructor(commandId: string, required: Mode, actual: Mode) {
    super(`${commandId} requires mode ${required}; this call runs in mode ${actual}`, {
      details: { required_mode: required, actual_mode: actual },
      hint: `Re-run with --mode ${required} if the caller is allowed to.`,
    });
  }
}

/** The operator's policy forbids this call. */
export class PolicyDeniedError extends AosError {
  static readonly code = 'POLICY_DENIED';
  readonly code = PolicyDeniedError.code;
}

/** The policy requires a person's approval for this command and none was given. */
export class ApprovalRequiredError extends AosError {
  static readonly code = 'APPROVAL_REQUIRED';
  readonly code = ApprovalRequiredError.code;
}
