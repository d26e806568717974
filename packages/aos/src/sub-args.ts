import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from '@aos-connectors/core';

/** A subcommand's own flags (global ones are already gone); anything unknown is INVALID_USAGE. */
export function subArgs<T extends ParseArgsOptionsConfig>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split('. ')[0]!.replace(/\.$/, '')}`, { hint: `Run "aos ${command} --help".` });
  }
}

export function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive whole number (got "${text}")`);
  return value;
}
