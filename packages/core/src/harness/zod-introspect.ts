import type * as z from 'zod';

export type FieldKind = 'string' | 'number' | 'boolean' | 'array' | 'other';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/nullable wrappers to reach the type a flag carries. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

export function fieldKind(schema: z.ZodType): FieldKind {
  const type = defOf(unwrap(schema)).type;
  if (type === 'string' || type === 'enum' || type === 'literal' || type === 'template_literal') return 'string';
  if (type === 'number' || type === 'int' || type === 'bigint') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'array';
  return 'other';
}

function elementKind(schema: z.ZodType): FieldKind {
  const element = defOf(unwrap(schema)).element;
  return element ? fieldKind(element) : 'string';
}

/**
 * A number as people type one on a command line: decimal digits, an optional sign, an optional
 * fraction. `Number()` alone would also take `0x10`, `1e3`, ` 7`, `Infinity` and `''`; those stay
 * strings so the schema rejects them as INVALID_USAGE naming the flag. A fraction given for an
 * integer field, and values out of range, are the schema's to reject too.
 */
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

function toNumber(value: unknown): unknown {
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
}

/** Turns CLI strings into the types the schema expects; anything unconvertible is left for zod to reject. */
export function coerceField(schema: z.ZodType, value: unknown): unknown {
  const kind = fieldKind(schema);
  if (kind === 'number') return toNumber(value);
  if (kind === 'boolean' && typeof value === 'string') {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
  }
  if (kind === 'array') {
    const items = Array.isArray(value) ? value : [value];
    const expanded = items.flatMap((item) => (typeof item === 'string' ? item.split(',').map((s) => s.trim()).filter(Boolean) : [item]));
    return elementKind(schema) === 'number'
      ? expanded.map(toNumber)
      : expanded;
  }
  if (kind === 'other' && typeof value === 'string') {
    // Objects and records come as JSON on the command line.
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export function fieldDescription(schema: z.ZodType): string | undefined {
  return (schema as { description?: string }).description ?? (unwrap(schema) as { description?: string }).description;
}

/** The values an enum (or literal) field allows, or those of an array's enum items; undefined otherwise. */
export function fieldChoices(schema: z.ZodType): string[] | undefined {
  const def = defOf(unwrap(schema)) as Def & { entries?: Record<string, unknown>; values?: unknown[] };
  if (def.type === 'array' && def.element) return fieldChoices(def.element);
  if (def.type === 'enum' && def.entries) return [...new Set(Object.values(def.entries).map(String))];
  if (def.type === 'literal' && def.values) return def.values.map(String);
  return undefined;
}

/** The value the schema fills in when the field is not given (a `.default()`), or undefined. */
export function fieldDefault(schema: z.ZodType): unknown {
  const result = schema.safeParse(undefined);
  return result.success ? result.data : undefined;
}
