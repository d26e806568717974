import type * as z from 'zod';
import { UsageError } from '../errors/usage-errors.js';
import { commandInputSchema } from './command-input.js';
import { flagName } from './parse-args.js';
import type { CommandDefinition } from './types.js';
import { coerceField } from './zod-introspect.js';

/** Coerces CLI strings to the schema's types and validates; a failure names each bad flag. */
export function validateInput(command: CommandDefinition, values: Record<string, unknown>): Record<string, unknown> {
  const schema = commandInputSchema(command);
  const shape = schema.shape as Record<string, z.ZodType>;
  const coerced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) coerced[key] = shape[key] ? coerceField(shape[key]!, value) : value;
  const result = schema.safeParse(coerced);
  if (result.success) return result.data as Record<string, unknown>;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const flag = key ? `--${flagName(key)}` : 'input';
    if (key && coerced[key] === undefined) return `${flag} is required`;
    return `${flag}: ${issue.message}`;
  });
  throw new UsageError(`Invalid arguments for ${command.id}: ${problems.join('; ')}`, {
      details: { issues: result.error.issues.map(({ path, message, code }) => ({ path, message, code })) },
      hint: `See "${command.id.split('.').join(' ')} --help".`,
  });
}
