import { MODES, type Mode } from '@aos-connectors/contract';
import { PolicyDeniedError } from '@aos-connectors/contract';
import { redactUrl } from '../secrets/scrubber.js';
import { parseIpLiteral } from '../http/ssrf/classify.js';
import { matchesCommand } from './glob.js';
import { hasAddressEntries, matchingHostEntry, type HostTarget } from './host-rules.js';
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

/** The host rules of a policy, which is all the connect-time check needs of it. */
export type HostRules = Pick<ToolPolicy, 'tool' | 'source' | 'allowed_hosts' | 'blocked_hosts'>;

/**
 * allowed_hosts / blocked_hosts for one request URL, before the request (every request, the
 * configured base URL included: the operator wrote both). blocked_hosts wins over allowed_hosts.
 * What cannot be decided from the URL alone (a name against IP or CIDR entries) is decided again
 * at connect time on the resolved address, by checkConnectHostRules from the SSRF dispatcher.
 */
export function checkHostAllowed(policy: HostRules, url: URL): void {
  const target: HostTarget = { name: url.hostname, port: portOf(url) };
  checkTarget(policy, target, url, 'url');
}

/**
 * The same rules on the connection actually made: `address` is where `host` resolved to. Name
 * entries match the host name, IP and CIDR entries the address (loopback counting as one family).
 */
export function checkConnectHostRules(policy: HostRules, target: HostTarget): void {
  checkTarget(policy, target, undefined, 'connect');
}

function checkTarget(policy: HostRules, target: HostTarget, url: URL | undefined, stage: 'url' | 'connect'): void {
  const host = target.name;
  const base = {
    tool: policy.tool,
    url: url ? redactUrl(url.toString()) : null,
    host,
    port: target.port ?? null,
    address: target.address ?? null,
    policy_file: policy.source,
    rule: 'hosts',
    stage,
  };
  const where = target.address && target.address !== host ? `${host} (${target.address})` : host;
  const blocked = matchingHostEntry(policy.blocked_hosts, target);
  if (blocked !== undefined) {
    throw new PolicyDeniedError(`The policy blocks requests to ${where}`, {
      details: { ...base, field: 'blocked_hosts', pattern: blocked },
    });
  }
  if (!policy.allowed_hosts || matchingHostEntry(policy.allowed_hosts, target, 'allow') !== undefined) return;
  // A name may still resolve into an allowed address or range: the connect-time check decides.
  if (stage === 'url' && parseIpLiteral(host) === null && hasAddressEntries(policy.allowed_hosts)) return;
  throw new PolicyDeniedError(`The policy does not allow requests to ${where}`, {
    details: { ...base, field: 'allowed_hosts', patterns: policy.allowed_hosts },
    hint: 'Ask the operator to add the host to allowed_hosts in the policy file.',
  });
}

/** The URL's port, the scheme's default spelled out. */
export function portOf(url: { protocol: string; port: string | number }): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

export { effectiveMaxResponseBytes, effectiveTimeoutMs } from './limits.js';
