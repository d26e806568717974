import * as z from 'zod';
import { UsageError } from '@aos-connectors/contract';
import type { CommandDefinition } from './types.js';

/**
 * JSON Schema 2020-12 of what a command returns (`data`; a list command: one item), or
 * undefined when it declares no `output`. Objects stay open (no `additionalProperties: false`):
 * the schema documents fields, and vendor fields beyond them still pass through. A
 * `z.strictObject` stays closed.
 */
export function outputJsonSchema(command: CommandDefinition): Record<string, unknown> | undefined {
  if (!command.output) return undefined;
  return z.toJSONSchema(command.output, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; catchall?: unknown } } })._zod.def;
      if (def.type === 'object' && def.catchall === undefined) delete (ctx.jsonSchema as Record<string, unknown>).additionalProperties;
    },
  }) as Record<string, unknown>;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a value of `schema` can be (through optional, nullable, arrays and unions). */
function objectsOf(schema: z.ZodType, depth = 0): Record<string, z.ZodType>[] {
  if (depth > 10) return [];
  const def = defOf(schema);
  if (def.type === 'object' && def.shape) return [def.shape];
  if (def.innerType) return objectsOf(def.innerType, depth + 1);
  if (def.type === 'pipe' && def.out) return objectsOf(def.out, depth + 1);
  if (def.type === 'array' && def.element) return objectsOf(def.element, depth + 1);
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => objectsOf(option, depth + 1));
  return [];
}

/** Every dotted path `--fields` may name: each declared key, and the keys of nested objects (`user.login`). */
export function declaredFields(output: z.ZodObject): string[] {
  const paths: string[] = [];
  const walk = (shape: Record<string, z.ZodType>, prefix: string, depth: number) => {
    for (const [key, child] of Object.entries(shape)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!paths.includes(path)) paths.push(path);
      if (depth < 4) for (const nested of objectsOf(child)) walk(nested, path, depth + 1);
    }
  };
  walk(output.shape as Record<string, z.ZodType>, '', 0);
  return paths;
}

/**
 * Checks `--fields` (or a JSON caller's `fields`) against the command's declared output, before
 * anything is sent: an undeclared field, or a command that declares no output, is INVALID_USAGE.
 */
export function checkFields(command: CommandDefinition, fields: readonly string[], options: { tool: string; jsonCaller: boolean }): void {
  const name = options.jsonCaller ? '"fields"' : '--fields';
  if (!command.output) {
    throw new UsageError(`${command.id} declares no output fields, so ${name} cannot select from its result`, {
      details: { fields: [...fields], declared: [] },
      hint: options.jsonCaller ? `Call ${command.id} without "fields".` : `Run "${options.tool} ${command.id.split('.').join(' ')}" without --fields.`,
    });
  }
  const declared = declaredFields(command.output);
  const unknown = fields.filter((field) => !declared.includes(field));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown field ${unknown.map((field) => `"${field}"`).join(', ')} in ${name} for ${command.id}; declared fields: ${declared.join(', ')}`, {
      details: { unknown, declared },
      hint: options.jsonCaller ? 'Call "capabilities" for each command\'s output_schema.' : `Run "${options.tool} ${command.id.split('.').join(' ')} --help" for the output fields.`,
    });
  }
}

type FieldTree = { [key: string]: FieldTree | true };

function fieldTree(fields: readonly string[]): FieldTree {
  const tree: FieldTree = {};
  for (const field of fields) {
    const keys = field.split('.');
    let node = tree;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const existing = node[key];
      if (existing === true) break; // the whole of `user` already asked for `user.login`
      if (i === keys.length - 1) node[key] = true;
      else node = node[key] = existing ?? {};
    }
  }
  return tree;
}

function projectWith(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((item) => projectWith(item, tree));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(tree)) {
    if (!Object.hasOwn(source, key)) continue;
    result[key] = sub === true ? source[key] : projectWith(source[key], sub);
  }
  return result;
}

/** A projector keeping only the given dotted paths, nesting kept (`user.login` → `{user:{login}}`); arrays project each element. */
export function fieldProjector(fields: readonly string[]): (value: unknown) => unknown {
  const tree = fieldTree(fields);
  return (value) => projectWith(value, tree);
}
