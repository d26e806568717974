import { existsSync } from 'node:fs';
import type { GlobalFlags } from '@aos-connectors/contract';
import type { Mode } from '@aos-connectors/contract';
import type { HttpExchange } from '../audit/audit-log.js';
import { homeDirectory } from '../audit/audit-log.js';
import { sanitizeData } from '../policy/sanitize.js';
import { defaultToolPolicy, type ToolPolicy } from '../policy/tool-policy.js';

type Env = Record<string, string | undefined>;

/*
 * Every command passes these gates, but most machines have no policy file and most calls use
 * no approval, idempotency key or rate limit: the modules behind each gate (zod schemas,
 * ipaddr.js, file locks) are imported only when the gate has something to check.
 */

/** The operator's policy for this tool (CONTRACT §10); a broken policy file is CONFIG_ERROR. */
export async function policyFor(env: Env, tool: string): Promise<ToolPolicy> {
  const named = env.AOS_POLICY?.trim();
  if (!named && !existsSync(`${homeDirectory(env)}/.argentos/policy.json`)) return defaultToolPolicy(tool);
  const { loadToolPolicy } = await import('../policy/load.js');
  return loadToolPolicy(env, tool);
}

/** Allowed commands and the mode ceiling: checked with the mode gate, before validation. */
export async function enforceBeforeValidation(policy: ToolPolicy, commandId: string, mode: Mode, requiredMode: Mode): Promise<void> {
  if (policy.source === null) return; // the defaults allow every command in every mode
  const { enforceCommandPolicy } = await import('../policy/enforce.js');
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

const NOTHING_TO_ADMIT: Admission = { complete: async () => {}, fail: async () => {} };

/**
 * The checks that need the validated input, in order: approval, idempotency, rate budget.
 * A replay takes no rate token; a rate refusal releases the idempotency claim.
 */
export async function admit(
  policy: ToolPolicy,
  request: { env: Env; flags: GlobalFlags; commandId: string; input: unknown; evidenceId: string; isList: boolean },
): Promise<Admission> {
  const wantsKey = request.flags.idempotencyKey !== undefined && !request.isList;
  if (policy.require_approval.length === 0 && !wantsKey && policy.rate_limit_per_minute === null) return NOTHING_TO_ADMIT;
  const [{ stateDirectory }, { approvalTokens, checkApproval }, { claimIdempotencyKey, validateIdempotencyKey }, { takeRateToken }] = await Promise.all([
    import('../policy/state-dir.js'),
    import('../policy/approval.js'),
    import('../policy/idempotency.js'),
    import('../policy/rate-budget.js'),
  ]);
  const stateDir = stateDirectory(request.env);
  await checkApproval({
    stateDir, policy, commandId: request.commandId, input: request.input, evidenceId: request.evidenceId,
    tokens: approvalTokens(request.env, request.flags.approve),
  });
  const claim = wantsKey
    ? await claimIdempotencyKey({
        stateDir, tool: policy.tool, key: validateIdempotencyKey(request.flags.idempotencyKey!),
        commandId: request.commandId, input: request.input, evidenceId: request.evidenceId,
      })
    : undefined;
  if (claim?.kind === 'replay') return { replay: claim.data, ...NOTHING_TO_ADMIT };
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
