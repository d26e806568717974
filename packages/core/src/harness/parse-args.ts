import { Command, CommanderError, Option } from 'commander';
import type * as z from 'zod';
import { commandInputSchema } from './command-input.js';
import { GLOBAL_FLAG_NAMES } from '@aos-connectors/contract';
import { suggest } from './suggest.js';
import { fieldDescription, fieldKind } from './zod-introspect.js';
import type { CommandDefinition } from './types.js';

export const flagName = (key: string) => key.replaceAll('_', '-');
const attributeName = (key: string) => flagName(key).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface ParsedArgs {
  /** Raw values by input key (strings, booleans, string arrays). */
  values: Record<string, unknown>;
  /** A usage problem commander found; reported only after the mode gate (CONTRACT §4). */
  problem: string | undefined;
}

/** The commander command for one leaf: its flags and positionals come from the input schema. */
export function leafCommand(command: CommandDefinition, tool: string, globalHelp: string): Command {
  const schema = commandInputSchema(command);
  const shape = schema.shape as Record<string, z.ZodType>;
  const positionals = command.positionals ?? [];
  const cli = new Command(`${tool} ${command.id.split('.').join(' ')}`)
    .description(command.description ?? command.summary)
    .helpOption(false)
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .addHelpText('after', globalHelp);

  for (const key of positionals) {
    const schemaOf = shape[key]!;
    const variadic = fieldKind(schemaOf) === 'array' ? '...' : '';
    cli.argument(`[${key}${variadic}]`, fieldDescription(schemaOf) ?? '');
  }
  for (const [key, schemaOf] of Object.entries(shape)) {
    const kind = fieldKind(schemaOf);
    const optional = schemaOf.safeParse(undefined).success;
    const placeholder = kind === 'number' ? '<n>' : `<${flagName(key)}>`;
    const flags = kind === 'boolean' ? `--${flagName(key)}` : `--${flagName(key)} ${placeholder}`;
    const describe = [fieldDescription(schemaOf) ?? '', positionals.includes(key as never) ? '(or positional)' : '', optional ? '' : '(required)']
      .filter(Boolean)
      .join(' ');
    const option = new Option(flags, describe);
    if (kind === 'array') option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    cli.addOption(option);
  }
  return cli;
}

export function parseCommandArgs(command: CommandDefinition, cli: Command, args: string[]): ParsedArgs {
  const schema = commandInputSchema(command);
  const keys = Object.keys(schema.shape);
  const positionals = command.positionals ?? [];
  try {
    cli.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { values: {}, problem: oneLineProblem(error, cli) };
    throw error;
  }
  const options = cli.opts();
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    const value = options[attributeName(key)];
    if (value !== undefined) values[key] = value;
  }
  positionals.forEach((key, index) => {
    const value = cli.processedArgs[index];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    if (values[key] !== undefined) return;
    values[key] = value;
  });
  return { values, problem: undefined };
}

/**
 * Commander's message as one line: it puts its own "(Did you mean …?)" on a second line, which
 * would break the one-line error; an unknown option gets our suggestion (the command's flags and
 * the global flags) appended instead.
 */
function oneLineProblem(error: CommanderError, cli: Command): string {
  const text = error.message.replace(/^error:\s*/, '');
  if (error.code === 'commander.unknownOption') {
    const typed = /unknown option '([^']*)'/.exec(text)?.[1];
    if (typed) {
      const name = typed.replace(/=.*$/, '');
      const flags = [...cli.options.map((option) => option.long ?? ''), ...GLOBAL_FLAG_NAMES.map((flag) => `--${flag}`)].filter(Boolean);
      const match = name.startsWith('--') ? suggest(name.slice(2), flags.map((flag) => flag.slice(2))) : undefined;
      return `unknown option '${name}'${match ? `; did you mean --${match}?` : ''}`;
    }
  }
  return text.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}
