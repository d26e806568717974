import type { ManifestCommand } from '@aos-connectors/contract';

/** MCP tool annotations (hints for the client's confirmation UI), a subset of the spec's ToolAnnotations. */
export interface McpToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * Derived from the declared action class (CONTRACT §4):
 * - `read` changes nothing, so it is read-only and idempotent;
 * - `write` (non-destructive create/update/send) is neither destructive nor known to be idempotent;
 * - `bulk` and `destructive` are destructive: they touch many resources or cannot be undone.
 * Every connector talks to an outside service, so all tools are open-world.
 */
export function annotationsOf(command: Pick<ManifestCommand, 'summary' | 'action_class'>): McpToolAnnotations {
  const read = command.action_class === 'read';
  return {
    title: command.summary,
    readOnlyHint: read,
    destructiveHint: command.action_class === 'bulk' || command.action_class === 'destructive',
    idempotentHint: read,
    openWorldHint: true,
  };
}
