import { MODES, type Mode } from '@aos-connectors/contract';
import { PolicyDeniedError } from '@aos-connectors/contract';
import { redactUrl } from '../secrets/scrubber.js';
import { matchesCommand, matchingHostPattern } from './glob.js';
import type { ToolPolicy } from './tool-policy.js';

/**
 * The command gate, run after the mode gate and before argument validation or any I/O:
 * blocked_commands, allowed_commands, then max_mode (the invocation's mode may not exceed it).
 * Approval is separate (checkApproval) because it binds to the validated input.
 */
export function enforceCommandPolicy(policy: ToolPolicy, call: { commandId: string; mode: Mode; requiredMode?: Mode }): void {
  checkCommandAllowed(policy, call.commandId);
  checkModeCeiling(policy, call.commandId, call.mode, call.requiredMode);
}

export function checkCommandAllowed(policy: ToolPolicy, commandId: string): void {
  const base = { tool: policy.tool, command: commandId, policy_file: policy.source };
  if (matchesCommand(policy.blocked_commands, commandId)) {
    throw new PolicyDeniedError(`The policy blocks ${commandId} for ${policy.tool}`, {
      details: { ...base, field: 'blocked_commands', patterns: policy.blocked_commands },
      hint: 'Ask the operator to change blocked_commands in the policy file.',
    });
  }
  if (policy.allowed_commands && !matchesCommand(policy.allowed_commands, commandId)) {
    throw new PolicyDeniedError(`The policy does not allow ${commandId} for ${policy.tool}`, {
      details: { ...base, field: 'allowed_commands', patterns: policy.allowed_commands },
      hint: 'Ask the operator to add the command to allowed_commands in the policy file.',
    });
  }
}

export function checkModeCeiling(policy: ToolPolicy, commandId: string, mode: Mode, requiredMode?: Mode): void {
  if (MODES.indexOf(mode) <= MODES.indexOf(policy.max_mode)) return;
  throw new PolicyDeniedError(`The policy caps ${policy.tool} at mode ${policy.max_mode}; this call asked for ${mode}`, {
    details: {
      tool: policy.tool,
      command: commandId,
      policy_file: policy.source,
      field: 'max_mode',
      max_mode: policy.max_mode,
      actual_mode: mode,
      required_mode: requiredMode ?? null,
    },
    hint: `Re-run with --mode ${policy.max_mode} or lower.`,
  });
}

/** Whether the policy asks for a person's approval before this command runs. */
export function approvalRequired(policy: ToolPolicy, commandId: string): boolean {
  return matchesCommand(policy.require_approval, commandId);
}

/**
 * allowed_hosts / blocked_hosts for one request URL (every request, the configured base URL
 * included: the operator wrote both). blocked_hosts wins over allowed_hosts.
 */
export function checkHostAllowed(policy: ToolPolicy, url: URL): void {
  const host = url.hostname;
  const base = { tool: policy.tool, url: redactUrl(url.toString()), host, policy_file: policy.source, rule: 'hosts' };
  const blocked = matchingHostPattern(policy.blocked_hosts, host);
  if (blocked !== undefined) {
    throw new PolicyDeniedError(`The policy blocks requests to ${host}`, {
      details: { ...base, field: 'blocked_hosts', pattern: blocked },
    });
  }
  if (policy.allowed_hosts && matchingHostPattern(policy.allowed_hosts, host) === undefined) {
    throw new PolicyDeniedError(`The policy does not allow requests to ${host}`, {
      details: { ...base, field: 'allowed_hosts', patterns: policy.allowed_hosts },
      hint: 'Ask the operator to add the host to allowed_hosts in the policy file.',
    });
  }
}

export { effectiveMaxResponseBytes, effectiveTimeoutMs } from './limits.js';
