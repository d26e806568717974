/** The JSON Schema keywords the core's zod → JSON Schema conversion emits for command inputs. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Stands for the test server's URL in a synthesized argument; each call substitutes its own server. */
export const SERVER_URL = '{{aos-certify-server}}';

const STRING_CANDIDATES = [
  'certify', 'certify/certify', 'certify-1', '1', 'A1', 'c', 'https://example.com/certify', 'certify@example.com',
  '2026-01-01', '2026-01-01T00:00:00Z', 'abc123', '0123456789abcdef0123456789abcdef01234567',
];

function fitsString(schema: JsonSchema, value: string): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.format === 'email' && !value.includes('@')) return false;
  if ((schema.format === 'uri' || schema.format === 'url') && !/^https?:/.test(value)) return false;
  if (schema.format === 'date-time' && !/T/.test(value)) return false;
  if (schema.pattern) {
    try {
      if (!new RegExp(schema.pattern, 'u').test(value)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** One valid-looking CLI value for a field, `true` for a flag, undefined when none is found. */
export function sampleValue(schema: JsonSchema): string | true | undefined {
  const branch = schema.anyOf ?? schema.oneOf;
  if (branch) {
    for (const option of branch.filter((s) => s.type !== 'null')) {
      const value = sampleValue(option);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  if (schema.const !== undefined) return String(schema.const);
  if (schema.enum?.length) return String(schema.enum[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'boolean':
      return true;
    case 'integer':
    case 'number': {
      let value = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
      return String(type === 'integer' ? Math.ceil(value) : value);
    }
    case 'array':
      return schema.items ? sampleValue(schema.items) : 'certify';
    case 'object':
      return '{}';
    default:
      // A URL the connector fetches (a feed, a page, a webhook) points at the test server.
      if (schema.format === 'uri' || schema.format === 'url') return `${SERVER_URL}/certify`;
      return STRING_CANDIDATES.find((candidate) => fitsString(schema, candidate));
  }
}

const flagWords = (key: string, value: string | true) => {
  const flag = `--${key.replaceAll('_', '-')}`;
  return value === true ? [flag] : [flag, value];
};

/** Pagination flags the harness adds to every list command: never needed for a valid call. */
const HARNESS_FLAGS = new Set(['limit', 'cursor', 'all']);

/**
 * Argument lists that may make a valid call, most likely first, synthesized from the command's
 * input schema: the required fields; then the required fields with one optional field each (for
 * commands that need "at least one field to change"); then with every optional field.
 * Empty when some required field has no value that fits.
 */
export function candidateArgs(inputSchema: JsonSchema | undefined, maxSingles = 6): string[][] {
  const properties = inputSchema?.properties ?? {};
  const requiredKeys = inputSchema?.required ?? [];
  const required: string[] = [];
  for (const key of requiredKeys) {
    const value = sampleValue(properties[key] ?? {});
    if (value === undefined) return [];
    required.push(...flagWords(key, value));
  }
  const optional = Object.entries(properties)
    .filter(([key]) => !requiredKeys.includes(key) && !HARNESS_FLAGS.has(key))
    .flatMap(([key, schema]) => {
      const value = sampleValue(schema);
      return value === undefined ? [] : [flagWords(key, value)];
    });
  const candidates = [required, ...optional.slice(0, maxSingles).map((words) => [...required, ...words])];
  if (optional.length > 1) candidates.push([...required, ...optional.flat()]);
  return candidates;
}
