import { builtinSummary } from '@aos-connectors/contract';
import type * as z from 'zod';
import { commandInputSchema } from './command-input.js';
import { buildTree, type TreeNode } from './command-tree.js';
import { requiredMode } from './derive.js';
import type { CommandDefinition, ConnectorDefinition } from './types.js';
import { fieldChoices, fieldDefault, fieldDescription, fieldKind } from './zod-introspect.js';

export const GLOBAL_HELP = `
Global flags (accepted anywhere):
  --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
  --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
  --dry-run           show the request a write would send, send nothing
  --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
  --fields <a,b.c>    only these fields of each item or record (dotted paths)
  --input-json <obj>  the command's arguments as one JSON object instead of flags
  --verbose           detail on stderr (AOS_VERBOSE=1)
  --version, --help`;

/** A command's flag name: the input key with `_` as `-`. */
const flagOf = (key: string) => key.replaceAll('_', '-');

/** Rows as two aligned columns, indented by two spaces. */
function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => (right ? `  ${left.padEnd(width)}  ${right}` : `  ${left}`).trimEnd());
}

/** Every command at or below a node, declared commands first, then the built-ins, each with its argv words. */
function commandsUnder(node: TreeNode): { words: string[]; summary: string }[] {
  const declared: { words: string[]; summary: string }[] = [];
  const builtins: { words: string[]; summary: string }[] = [];
  const walk = (current: TreeNode) => {
    const target = current.target;
    if (target?.kind === 'command') declared.push({ words: current.path, summary: target.command.summary });
    if (target?.kind === 'builtin') builtins.push({ words: current.path, summary: builtinSummary(target.id) });
    for (const child of current.children.values()) walk(child);
  };
  walk(node);
  return [...declared, ...builtins];
}

/**
 * Help for the whole connector or one command group, generated from the definition: one line
 * per command (its argv words and its summary).
 */
export function groupHelp(definition: ConnectorDefinition, node: TreeNode): string {
  const prefix = [definition.tool, ...node.path].join(' ');
  const top = node.path.length === 0;
  const rows = commandsUnder(node).map(({ words, summary }) => [words.join(' '), summary] as const);
  const lines = [
    `Usage: ${prefix} <command> [flags]`,
    '',
    top ? (definition.description ?? `${definition.label} connector`) : `Commands under "${node.path.join(' ')}"`,
    '',
    'Commands:',
    ...columns(rows),
    GLOBAL_HELP.trimEnd(),
    '',
    ...(top
      ? [
          'Serve these commands to an MCP client over stdio: mcp (--mode sets the session\'s mode)',
          `Shell completion: ${definition.tool} completion bash|zsh|fish`,
        ]
      : []),
    `Run "${definition.tool} <command> --help" for a command's arguments and flags.`,
  ];
  return lines.join('\n') + '\n';
}

/** The connector's top-level help (`aos-<name> --help`), as the README shows it. */
export function connectorHelp(definition: ConnectorDefinition): string {
  return groupHelp(definition, buildTree(definition));
}

/** Help for a built-in command. */
export function builtinHelp(definition: ConnectorDefinition, node: TreeNode, summary: string): string {
  return [`Usage: ${[definition.tool, ...node.path].join(' ')} [flags]`, '', summary, GLOBAL_HELP, ''].join('\n');
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The placeholder of a flag's value: the allowed values of an enum, `<n>` for numbers, the flag's name otherwise. */
function placeholderOf(key: string, schema: z.ZodType): string {
  const kind = fieldKind(schema);
  if (kind === 'boolean') return '';
  const choices = fieldChoices(schema);
  if (choices && choices.length <= 6 && choices.join('|').length <= 40) return ` <${choices.join('|')}>`;
  if (kind === 'number') return ' <n>';
  return ` <${flagOf(key)}>`;
}

/** The text after a flag: its description, allowed values, default, and whether it is required. */
function describeField(schema: z.ZodType, options: { positional: boolean; kind: string; choicesShown: boolean }): string {
  const parts: string[] = [];
  const description = fieldDescription(schema);
  if (description) parts.push(description);
  const choices = fieldChoices(schema);
  if (choices && !options.choicesShown) parts.push(`one of: ${choices.join(', ')}`);
  if (options.kind === 'array' && !/repeat/i.test(description ?? '')) parts.push('repeatable or comma-separated');
  const fallback = fieldDefault(schema);
  const optional = schema.safeParse(undefined).success;
  if (fallback !== undefined && !(options.kind === 'boolean' && fallback === false)) parts.push(`default: ${show(fallback)}`);
  if (options.positional) parts.push('or positional');
  if (!optional) parts.push('required');
  const [first, ...rest] = parts;
  if (!first) return '';
  return rest.length ? `${first} (${rest.join('; ')})` : first;
}

/**
 * Help for one command, generated from its definition: usage with positionals, its arguments and
 * options (allowed values, defaults, required marks), the mode it needs with its action class and
 * risk tier, its examples and the vendor's documentation of the operation.
 */
export function commandHelp(definition: ConnectorDefinition, command: CommandDefinition): string {
  const words = [definition.tool, ...command.id.split('.')].join(' ');
  const shape = commandInputSchema(command).shape as Record<string, z.ZodType>;
  const positionals = (command.positionals ?? []) as string[];
  const usageArgs = positionals.map((key) => {
    const schema = shape[key]!;
    const variadic = fieldKind(schema) === 'array' ? '...' : '';
    return schema.safeParse(undefined).success ? `[${key}${variadic}]` : `<${key}${variadic}>`;
  });
  const options = Object.entries(shape).map(([key, schema]) => {
    const kind = fieldKind(schema);
    const placeholder = placeholderOf(key, schema);
    const choicesShown = placeholder.includes('|') || (fieldChoices(schema)?.length === 1 && placeholder === ` <${fieldChoices(schema)![0]}>`);
    return [`--${flagOf(key)}${placeholder}`, describeField(schema, { positional: positionals.includes(key), kind, choicesShown })] as const;
  });
  const argumentsRows = positionals.map((key) => [key, fieldDescription(shape[key]!) ?? `same as --${flagOf(key)}`] as const);
  const mode = requiredMode(command);
  const modeLines = [
    `Mode: ${mode} (action: ${command.action}, risk tier ${command.risk})${mode === 'readonly' ? '' : `; run it with --mode ${mode}`}`,
    ...(command.action === 'read' ? [] : ['Dry run: --dry-run shows the request it would send and sends nothing']),
  ];
  const examples = command.examples ?? [];
  const lines = [
    `Usage: ${words}${usageArgs.length ? ` ${usageArgs.join(' ')}` : ''} [flags]`,
    '',
    command.summary,
    ...(command.description && command.description !== command.summary ? ['', command.description] : []),
    '',
    ...(argumentsRows.length ? ['Arguments:', ...columns(argumentsRows), ''] : []),
    ...(options.length ? ['Options:', ...columns(options), ''] : []),
    ...modeLines,
    ...(command.list ? [`Lists: data.${command.list.key} with next_cursor and has_more; --all follows every page`] : []),
    ...(command.scopes?.length ? [`Needs scopes: ${command.scopes.join(', ')}`] : []),
    ...(examples.length ? ['', 'Examples:', ...examples.map((example) => `  ${example.startsWith(definition.tool) ? example : `${definition.tool} ${example}`}`)] : []),
    ...(command.docs ? ['', `Docs: ${command.docs}`] : []),
    GLOBAL_HELP.trimEnd(),
  ];
  return lines.join('\n') + '\n';
}
