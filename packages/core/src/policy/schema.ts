import ipaddr from 'ipaddr.js';
import * as z from 'zod';
import { MODES } from '@aos-connectors/contract';
import { parseHostEntry } from './host-rules.js';

/** The policy file's format version this code reads. */
export const POLICY_VERSION = 1;

const commandPattern = z
  .string()
  .regex(/^[a-z0-9_.*?-]+$/i, 'a command id or glob such as "issue.*" (letters, digits, "_", ".", "*", "?")');

const HOST_GLOB = /^[a-z0-9_*?-]+(\.[a-z0-9_*?-]+)*\.?$/i;

/**
 * A host name or glob, an IP address (IPv6 with or without brackets) or a CIDR range, optionally
 * with a port (`host:8443`, `10.0.0.5:80`, `[::1]:8080`); no scheme. See host-rules.ts.
 */
const hostPattern = z
  .string()
  .refine(
    (pattern) => {
      const entry = parseHostEntry(pattern);
      if (!entry) return false;
      return entry.kind === 'name' ? HOST_GLOB.test(entry.host) : entry.kind === 'cidr' ? ipaddr.isValidCIDR(entry.host) : true;
    },
    'a host name, glob ("*.github.com"), IP address or CIDR range ("10.0.0.0/8"), optionally with a port ("host:8443", "[::1]:8080"), without scheme',
  );

/**
 * What an operator may restrict for one tool (CONTRACT §10). Every field is optional: an absent
 * field falls back to the `"*"` entry, then to "no restriction". Unknown keys are errors, so a
 * typo in a security policy cannot be silently ignored.
 */
export const toolPolicySchema = z.strictObject({
  allowed_commands: z.array(commandPattern).optional(),
  blocked_commands: z.array(commandPattern).optional(),
  max_mode: z.enum(MODES).optional(),
  allowed_hosts: z.array(hostPattern).optional(),
  blocked_hosts: z.array(hostPattern).optional(),
  rate_limit_per_minute: z.int().positive().optional(),
  max_response_size_mb: z.number().positive().optional(),
  timeout_seconds: z.number().positive().optional(),
  require_approval: z.array(commandPattern).optional(),
  sanitize_output: z.boolean().optional(),
  allow_private_network: z.boolean().optional(),
});

export const policyFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(POLICY_VERSION),
  tools: z.record(z.string().min(1), toolPolicySchema).default({}),
});

export type ToolPolicyEntry = z.infer<typeof toolPolicySchema>;
export type PolicyFile = z.infer<typeof policyFileSchema>;
