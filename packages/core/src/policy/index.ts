export { POLICY_VERSION, policyFileSchema, toolPolicySchema, type PolicyFile, type ToolPolicyEntry } from './schema.js';
export { defaultToolPolicy, resolveToolPolicy, type ToolPolicy } from './tool-policy.js';
export { loadPolicyFile, loadToolPolicy, parsePolicy, policyLocation, type PolicyLocation } from './load.js';
export {
  approvalRequired,
  checkCommandAllowed,
  checkHostAllowed,
  checkModeCeiling,
  effectiveMaxResponseBytes,
  effectiveTimeoutMs,
  enforceCommandPolicy,
} from './enforce.js';
export { globMatches, matchesCommand } from './glob.js';
export { matchesHost, matchingHostEntry, parseHostEntry, type HostEntry, type HostTarget } from './host-rules.js';
export { approvalTokens, checkApproval, APPROVAL_TTL_MS, type ApprovalGrant, type ApprovalRequest } from './approval.js';
export { stateDirectory } from './state-dir.js';
export { withFileLock, type LockOptions } from './file-lock.js';
export { takeRateToken, type RateBudgetRequest } from './rate-budget.js';
export {
  claimIdempotencyKey,
  validateIdempotencyKey,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  type IdempotencyRequest,
} from './idempotency.js';
export { inputHash, canonicalJson } from './input-hash.js';
export { sanitizeText, sanitizeData } from './sanitize.js';
export { createRequestGuard, ssrfOptionsFromPolicy, type RequestGuard } from './request-guard.js';
