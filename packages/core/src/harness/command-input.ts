import * as z from 'zod';
import type { CommandDefinition } from './types.js';

const DEFAULT_LIMIT = 30;

/**
 * The full input schema of a command as the caller sees it: its own fields, plus `limit`,
 * `cursor` and `all` for list commands. Validation, flags and `input_schema` all derive from it.
 */
export function commandInputSchema(command: CommandDefinition): z.ZodObject {
  if (!command.list) return command.input;
  const max = command.list.maxPageSize;
  return command.input.extend({
    limit: z
      .number()
      .int()
      .min(1)
      .default(command.list.defaultLimit ?? Math.min(DEFAULT_LIMIT, max))
      .describe('Most items to return (pages are followed until this many)'),
    cursor: z.string().min(1).optional().describe('Resume from the next_cursor of an earlier call'),
    all: z.boolean().default(false).describe('Follow every page; the output is streamed'),
  });
}

export function inputJsonSchema(command: CommandDefinition): Record<string, unknown> {
  const schema = z.toJSONSchema(commandInputSchema(command), { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return schema as Record<string, unknown>;
}
