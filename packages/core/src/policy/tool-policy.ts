import type { Mode } from '@aos-connectors/contract';
import type { PolicyFile, ToolPolicyEntry } from './schema.js';

/**
 * The policy in force for one tool: the tool's entry over the `"*"` entry over the defaults.
 * Field names are the file's, so an error can name the field the operator has to change.
 * `null` means "no restriction".
 */
export interface ToolPolicy {
  tool: string;
  /** The policy file the values came from, or null when none applies. */
  source: string | null;
  allowed_commands: string[] | null;
  blocked_commands: string[];
  max_mode: Mode;
  allowed_hosts: string[] | null;
  blocked_hosts: string[];
  rate_limit_per_minute: number | null;
  max_response_size_mb: number | null;
  timeout_seconds: number | null;
  require_approval: string[];
  sanitize_output: boolean;
  allow_private_network: boolean;
}

/** No policy file: everything allowed, no limits; third-party text is still sanitized. */
export function defaultToolPolicy(tool: string): ToolPolicy {
  return {
    tool,
    source: null,
    allowed_commands: null,
    blocked_commands: [],
    max_mode: 'admin',
    allowed_hosts: null,
    blocked_hosts: [],
    rate_limit_per_minute: null,
    max_response_size_mb: null,
    timeout_seconds: null,
    require_approval: [],
    sanitize_output: true,
    allow_private_network: false,
  };
}

/**
 * Merges field by field: a field set on the tool replaces the `"*"` value (lists are replaced,
 * not concatenated, so a tool entry always reads as the whole truth for that field).
 */
export function resolveToolPolicy(policy: PolicyFile | null, tool: string, source: string | null = null): ToolPolicy {
  const result = defaultToolPolicy(tool);
  if (!policy) return result;
  result.source = source;
  for (const entry of [policy.tools['*'], policy.tools[tool]]) {
    if (entry) apply(result, entry);
  }
  return result;
}

function apply(target: ToolPolicy, entry: ToolPolicyEntry): void {
  const writable = target as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(entry)) {
    if (value !== undefined) writable[field] = Array.isArray(value) ? [...value] : value;
  }
}
