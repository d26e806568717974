import type { Manifest, ManifestCommand } from '@aos-connectors/contract';
import type { Mode } from '@aos-connectors/contract';
import { builtinSummary } from '@aos-connectors/contract';
import { annotationsOf, type McpToolAnnotations } from './annotations.js';
import { mcpToolName, uniqueNames } from './tool-name.js';

/** One MCP tool: what tools/list shows, and what a call needs to run it. */
export interface McpToolEntry {
  name: string;
  description: string;
  inputSchema: Record<string, unknown> & { type: 'object' };
  annotations: McpToolAnnotations;
  /** Which connector of the server runs it (index into its connectors). */
  connector: number;
  commandId: string;
  /** argv words of the command (`id.split('.')`). */
  path: string[];
  requiredMode: Mode;
  /** A list command: `all` is not offered (a tool result is one message), paging is by cursor. */
  isList: boolean;
}

/** `health` and `doctor`: read-only built-ins an agent needs to tell "not set up" from "broken". */
const BUILTIN_TOOLS = ['health', 'doctor'] as const;

function builtinCommand(id: (typeof BUILTIN_TOOLS)[number]): ManifestCommand {
  return {
    id, summary: builtinSummary(id), required_mode: 'readonly', supports_json: true, resource: id,
    action_class: 'read', risk_tier: 1, dry_run: false, input_schema: { type: 'object', properties: {} },
  };
}

/**
 * The contract's input_schema as an MCP input schema. `$schema` goes (MCP fixes the dialect
 * to 2020-12); a list command's `all` goes too: a tool result is one message both sides hold
 * in memory, so an agent pages with `limit` and `cursor` (data.next_cursor) instead.
 */
export function mcpInputSchema(command: ManifestCommand): McpToolEntry['inputSchema'] {
  const { $schema: _dialect, ...schema } = command.input_schema ?? { type: 'object' };
  const properties = { ...((schema.properties as Record<string, unknown> | undefined) ?? {}) };
  const isList = isListSchema(command);
  if (isList) delete properties.all;
  const required = (schema.required as string[] | undefined)?.filter((key) => !(isList && key === 'all'));
  return { ...schema, type: 'object', properties, ...(required ? { required } : {}) };
}

function isListSchema(command: ManifestCommand): boolean {
  const properties = (command.input_schema?.properties as Record<string, unknown> | undefined) ?? {};
  return 'cursor' in properties && 'all' in properties;
}

export interface TableSource {
  manifest: Manifest;
  /** Tool names get `<prefix>__` in front (the host serves many connectors); none for one connector. */
  prefix?: string;
}

/** Every command (and the health/doctor built-ins) of every connector, with unique names. */
export function toolTable(sources: readonly TableSource[]): McpToolEntry[] {
  const drafts = sources.flatMap(({ manifest, prefix }, connector) =>
    [...manifest.commands, ...BUILTIN_TOOLS.filter((id) => !manifest.commands.some((c) => c.id === id)).map(builtinCommand)].map((command) => {
      const inputSchema = mcpInputSchema(command);
      const label = prefix ? `${manifest.connector.label}: ` : '';
      return {
        name: mcpToolName(command.id, prefix),
        description: `${label}${command.summary}`,
        inputSchema,
        annotations: annotationsOf(command),
        connector,
        commandId: command.id,
        path: command.path ?? command.id.split('.'),
        requiredMode: command.required_mode,
        isList: isListSchema(command),
      };
    }),
  );
  const names = uniqueNames(drafts.map((draft) => draft.name));
  return drafts.map((draft, i) => ({ ...draft, name: names[i]! }));
}
