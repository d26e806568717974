import type { GlobalFlags } from '../contract/global-flags.js';
import type { Mode } from '../contract/modes.js';
import type { HttpExchange } from '../audit/audit-log.js';
import { approvalTokens, checkApproval } from '../policy/approval.js';
import { enforceCommandPolicy } from '../policy/enforce.js';
import { claimIdempotencyKey, validateIdempotencyKey, type IdempotencyClaim } from '../policy/idempotency.js';
import { loadToolPolicy } from '../policy/load.js';
import { takeRateToken } from '../policy/rate-budget.js';
import { sanitizeData } from '../policy/sanitize.js';
import { stateDirectory } from '../policy/state-dir.js';
import type { ToolPolicy } from '../policy/tool-policy.js';

type Env = Record<string, string | undefined>;

/** The operator's policy for this tool (CONTRACT §10); a broken policy file is CONFIG_ERROR. */
export function policyFor(env: Env, tool: string): ToolPolicy {
  return loadToolPolicy(env, tool);
}

/** Allowed commands and the mode ceiling: checked with the mode gate, before validation. */
export function enforceBeforeValidation(policy: ToolPolicy, commandId: string, mode: Mode, requiredMode: Mode): void {
  enforceCommandPolicy(policy, { commandId, mode, requiredMode });
}

export interface Admission {
  /** The stored result of an earlier call with the same idempotency key: answer with it, send nothing. */
  replay?: unknown;
  /** Store the result so later calls with the key replay it. */
  complete(data: unknown): Promise<void>;
  /** The call failed: release the key unless a write may have reached the vendor. */
  fail(exchanges: readonly HttpExchange[]): Promise<void>;
}

/**
 * The checks that need the validated input, in order: approval, idempotency, rate budget.
 * A replay takes no rate token; a rate refusal releases the idempotency claim.
 */
export async function admit(
  policy: ToolPolicy,
  request: { env: Env; flags: GlobalFlags; commandId: string; input: unknown; evidenceId: string; isList: boolean },
): Promise<Admission> {
  const stateDir = stateDirectory(request.env);
  await checkApproval({
    stateDir, policy, commandId: request.commandId, input: request.input, evidenceId: request.evidenceId,
    tokens: approvalTokens(request.env, request.flags.approve),
  });
  let claim: IdempotencyClaim | undefined;
  if (request.flags.idempotencyKey !== undefined && !request.isList) {
    claim = await claimIdempotencyKey({
      stateDir, tool: policy.tool, key: validateIdempotencyKey(request.flags.idempotencyKey),
      commandId: request.commandId, input: request.input, evidenceId: request.evidenceId,
    });
    if (claim.kind === 'replay') return { replay: claim.data, complete: async () => {}, fail: async () => {} };
  }
  const claimed = claim?.kind === 'claimed' ? claim : undefined;
  try {
    await takeRateToken({ stateDir, tool: policy.tool, limitPerMinute: policy.rate_limit_per_minute });
  } catch (error) {
    await claimed?.abandon();
    throw error;
  }
  return {
    complete: async (data) => claimed?.complete(data),
    async fail(exchanges) {
      // A write that got no answer may have happened: keep the claim so a retry gets CONFLICT.
      const unknownWrite = exchanges.some((e) => e.method !== 'GET' && e.method !== 'HEAD' && e.status === null);
      if (!unknownWrite) await claimed?.abandon();
    },
  };
}

/** Strips control and escape sequences from third-party text when the policy asks (the default). */
export function presenter(policy: ToolPolicy | undefined): <T>(data: T) => T {
  return policy?.sanitize_output === false ? (data) => data : (data) => sanitizeData(data);
}
