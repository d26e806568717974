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
  /** The shape of the envelope's `data` (structuredContent), when the command declares its output. */
  outputSchema?: Record<string, unknown> & { type: 'object' };
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
  const declared = command.output_schema ? fieldPaths(command.output_schema) : [];
  // Not a command argument: the server passes it to the call as its projection (`--fields`).
  if (declared.length > 0) {
    properties.fields = {
      type: 'array',
      items: { type: 'string', enum: declared },
      description: `Return only these fields${isList ? ' of each item' : ''}, dotted for nested ones ("user.login" gives {"user":{"login":...}}); default: all`,
    };
  }
  const required = (schema.required as string[] | undefined)?.filter((key) => !(isList && key === 'all'));
  return { ...schema, type: 'object', properties, ...(required ? { required } : {}) };
}

/** The dotted paths an output schema declares: its properties and those of nested objects (as the core's declaredFields). */
export function fieldPaths(schema: Record<string, unknown>, prefix = '', depth = 0): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries((schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!paths.includes(path)) paths.push(path);
    if (depth >= 4) continue;
    for (const nested of objectSchemas(child)) for (const sub of fieldPaths(nested, path, depth + 1)) if (!paths.includes(sub)) paths.push(sub);
  }
  return paths;
}

function objectSchemas(schema: Record<string, unknown> | undefined, depth = 0): Record<string, unknown>[] {
  if (!schema || typeof schema !== 'object' || depth > 10) return [];
  if (schema.properties) return [schema];
  if (schema.items && typeof schema.items === 'object') return objectSchemas(schema.items as Record<string, unknown>, depth + 1);
  return ['anyOf', 'oneOf', 'allOf'].flatMap((key) => ((schema[key] as Record<string, unknown>[] | undefined) ?? []).flatMap((option) => objectSchemas(option, depth + 1)));
}

/** A copy of a JSON Schema without `required` anywhere: `fields` may leave any declared field out. */
function optionalFields(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(optionalFields);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required' && Array.isArray(value)) continue;
    if (key === 'properties' || key === '$defs' || key === 'definitions' || key === 'patternProperties') {
      result[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, optionalFields(sub)]));
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') {
      result[key] = value;
    } else {
      result[key] = optionalFields(value);
    }
  }
  return result;
}

/**
 * The MCP output schema: the shape of the envelope's `data`, which the result also carries as
 * `structuredContent`. A list command's is the page: the items under the list's key, next_cursor
 * and has_more. Declared fields are not required there, since `fields` may leave any out.
 */
export function mcpOutputSchema(command: ManifestCommand): McpToolEntry['outputSchema'] {
  if (!command.output_schema) return undefined;
  const { $schema: _dialect, ...declared } = optionalFields(command.output_schema) as Record<string, unknown>;
  if (declared.type !== 'object') return undefined;
  if (!isListSchema(command)) return { ...declared, type: 'object' };
  if (!command.list_key) return undefined;
  return {
    type: 'object',
    properties: {
      [command.list_key]: { type: 'array', items: declared },
      next_cursor: { type: ['string', 'null'], description: 'Pass as cursor for the next page; null on the last' },
      has_more: { type: 'boolean' },
    },
    required: [command.list_key, 'next_cursor', 'has_more'],
  };
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
      const outputSchema = mcpOutputSchema(command);
      const label = prefix ? `${manifest.connector.label}: ` : '';
      return {
        name: mcpToolName(command.id, prefix),
        description: `${label}${command.summary}`,
        inputSchema,
        ...(outputSchema ? { outputSchema } : {}),
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
