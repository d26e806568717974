import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as z from 'zod';
import { ConfigError } from '@aos-connectors/contract';
import { policyFileSchema, type PolicyFile } from './schema.js';
import { resolveToolPolicy, type ToolPolicy } from './tool-policy.js';

type Env = Record<string, string | undefined>;

export interface PolicyLocation {
  path: string;
  /** True when AOS_POLICY named the file: then it must exist. */
  explicit: boolean;
}

/** Where the policy file is: `AOS_POLICY`, else `~/.argentos/policy.json` (HOME from env first). */
export function policyLocation(env: Env): PolicyLocation {
  const named = env.AOS_POLICY?.trim();
  if (named) return { path: resolve(named), explicit: true };
  return { path: join(env.HOME || homedir(), '.argentos', 'policy.json'), explicit: false };
}

/**
 * Reads and validates the policy file. The default file may be absent (no policy: defaults
 * apply); a file named by AOS_POLICY must exist. Anything unreadable or invalid is CONFIG_ERROR,
 * since running without the operator's restrictions would be worse than not running.
 */
export function loadPolicyFile(env: Env): { policy: PolicyFile | null; source: string | null } {
  const { path, explicit } = policyLocation(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return { policy: null, source: null };
    throw new ConfigError(`The policy file ${path} cannot be read (${code ?? 'error'})`, {
      cause: error,
      details: { policy_file: path, env: explicit ? 'AOS_POLICY' : null },
      hint: explicit ? 'Point AOS_POLICY at an existing policy file or unset it.' : undefined,
    });
  }
  return { policy: parsePolicy(text, path), source: path };
}

/** Parses policy JSON text; `source` names the file in messages. */
export function parsePolicy(text: string, source: string): PolicyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The policy file ${source} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
      details: { policy_file: source },
    });
  }
  const parsed = policyFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(describeIssue);
  const first = issues[0]!;
  throw new ConfigError(`The policy file ${source} is invalid: ${first.field}: ${first.message}`, {
    details: { policy_file: source, field: first.field, issues },
    hint: 'Fix the field named above; see CONTRACT §10 for the policy format.',
  });
}

/** The policy in force for `tool` under this environment. */
export function loadToolPolicy(env: Env, tool: string): ToolPolicy {
  const { policy, source } = loadPolicyFile(env);
  return resolveToolPolicy(policy, tool, source);
}

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    return { field: [...path, keys[0]].join('.'), message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { field: path.length ? path.join('.') : '(root)', message: issue.message };
}
