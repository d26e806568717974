import type * as z from 'zod';
import { UsageError } from '@aos-connectors/contract';
import { commandInputSchema } from './command-input.js';
import { flagName } from './parse-args.js';
import type { CommandDefinition } from './types.js';
import { coerceField } from './zod-introspect.js';

export interface ValidateOptions {
  /**
   * JSON input (MCP, the service API, `--input-json`): keys are named as in the schema, and
   * an undeclared key is refused rather than dropped, so a typo never silently changes a call.
   */
  strictKeys: boolean;
  /** The tool's name, for the CLI hint (`aos-x issue list --help`). */
  tool?: string;
}

/** The hint for JSON callers (invoke, MCP, `--input-json`): they have no `--help`, but `capabilities` holds every schema. */
export const JSON_HINT = 'Call "capabilities" for the arguments (input_schema) of each command.';

/** Coerces CLI strings to the schema's types and validates; a failure names each bad flag or key. */
export function validateInput(command: CommandDefinition, values: Record<string, unknown>, options: ValidateOptions = { strictKeys: false }): Record<string, unknown> {
  const schema = commandInputSchema(command);
  const shape = schema.shape as Record<string, z.ZodType>;
  const name = (key: string) => (options.strictKeys ? `"${key}"` : `--${flagName(key)}`);
  const hint = options.strictKeys ? JSON_HINT : `Run "${[options.tool, ...command.id.split('.')].filter(Boolean).join(' ')} --help".`;
  if (options.strictKeys) {
    const unknown = Object.keys(values).filter((key) => !Object.hasOwn(shape, key));
    if (unknown.length > 0) {
      throw new UsageError(`Unknown argument ${unknown.map((key) => `"${key}"`).join(', ')} for ${command.id}; expected one of: ${Object.keys(shape).join(', ') || '(none)'}`, {
        details: { unknown, expected: Object.keys(shape) },
        hint,
      });
    }
  }
  const coerced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null && options.strictKeys) continue; // JSON null means "not given"
    coerced[key] = shape[key] ? coerceField(shape[key]!, value) : value;
  }
  const result = schema.safeParse(coerced);
  if (result.success) return result.data as Record<string, unknown>;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const flag = key ? name(key) : 'input';
    if (key && coerced[key] === undefined) return `${flag} is required`;
    return `${flag}: ${issue.message}`;
  });
  throw new UsageError(`Invalid arguments for ${command.id}: ${problems.join('; ')}`, {
    details: { issues: result.error.issues.map(({ path, message, code }) => ({ path, message, code })) },
    hint,
  });
}
