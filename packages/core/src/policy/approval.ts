import { ApprovalRequiredError } from '@aos-connectors/contract';
import { approvalRequired } from './enforce.js';
import { inputHash } from './input-hash.js';
import { updateJsonFile } from './json-store.js';
import { stateFile } from './state-dir.js';
import type { ToolPolicy } from './tool-policy.js';

type Env = Record<string, string | undefined>;

/** How long an approval id stays usable after the refusal that issued it. */
export const APPROVAL_TTL_MS = 60 * 60 * 1000;

interface PendingApprovals {
  requests: Record<string, { command: string; input_hash: string; created_ms: number }>;
}

export interface ApprovalGrant {
  /** `command`: a blanket approval naming the command id; `approval_id`: a one-time approval of one call. */
  approved_by: 'command' | 'approval_id';
  token: string;
}

export interface ApprovalRequest {
  stateDir: string;
  policy: ToolPolicy;
  commandId: string;
  /** The validated input: an approval id approves exactly this call. */
  input: unknown;
  /** This invocation's evidence id; becomes the approval id if the call is refused. */
  evidenceId: string;
  /** From approvalTokens(). */
  tokens: readonly string[];
  now?: number;
}

/**
 * The approvals the caller passed: `AOS_APPROVED` (comma- or space-separated) plus the values
 * of an `--approve` flag. Each token is a command id (`pr.merge` or `aos-github:pr.merge`,
 * approving that command for this invocation) or an approval id from an earlier refusal.
 */
export function approvalTokens(env: Env, flagValues: string | readonly string[] | undefined = undefined): string[] {
  const flags = typeof flagValues === 'string' ? [flagValues] : (flagValues ?? []);
  return [env.AOS_APPROVED ?? '', ...flags].flatMap((text) => text.split(/[\s,]+/)).filter((token) => token !== '');
}

/**
 * Enforces require_approval. Returns null when the command needs no approval, a grant when the
 * caller passed a matching one (an approval id is consumed: single use), and otherwise records
 * this call as awaiting approval and throws APPROVAL_REQUIRED carrying its approval id, so that
 * the host can show the call to a person and re-run it with `AOS_APPROVED=<approval id>`.
 */
export async function checkApproval(request: ApprovalRequest): Promise<ApprovalGrant | null> {
  const { policy, commandId } = request;
  if (!approvalRequired(policy, commandId)) return null;
  const byCommand = request.tokens.find((token) => token === commandId || token === `${policy.tool}:${commandId}`);
  if (byCommand) return { approved_by: 'command', token: byCommand };

  const path = stateFile(request.stateDir, 'approvals', policy.tool);
  const hash = inputHash(commandId, request.input);
  const grant = await updateJsonFile<PendingApprovals, ApprovalGrant | null>(path, () => ({ requests: {} }), (state) => {
    const now = request.now ?? Date.now();
    const requests = new Map(
      Object.entries(state.requests ?? {}).filter(([, entry]) => entry && now - entry.created_ms < APPROVAL_TTL_MS),
    );
    const token = request.tokens.find((candidate) => {
      const entry = requests.get(candidate);
      return entry !== undefined && entry.command === commandId && entry.input_hash === hash;
    });
    if (token) requests.delete(token);
    else requests.set(request.evidenceId, { command: commandId, input_hash: hash, created_ms: now });
    return {
      result: token ? { approved_by: 'approval_id', token } : null,
      next: { requests: Object.fromEntries(requests) },
    };
  });
  if (grant) return grant;

  const expiresAt = new Date((request.now ?? Date.now()) + APPROVAL_TTL_MS).toISOString();
  throw new ApprovalRequiredError(`The policy requires a person's approval for ${commandId}`, {
    details: {
      tool: policy.tool,
      command: commandId,
      field: 'require_approval',
      policy_file: policy.source,
      approval_id: request.evidenceId,
      approve_with: `AOS_APPROVED=${request.evidenceId}`,
      expires_at: expiresAt,
      ...(request.tokens.length > 0 ? { unmatched_approvals: [...request.tokens] } : {}),
    },
    hint: `Once a person approves, re-run the same call with AOS_APPROVED=${request.evidenceId}.`,
  });
}
