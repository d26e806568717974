import * as z from 'zod';
import { ACTION_CLASSES, MODES, RISK_TIERS } from './modes.js';

export const MANIFEST_SCHEMA_VERSION = '1.0.0';

const commandId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'dotted lowercase segments, words joined by "_"');

export const modeSchema = z.enum(MODES);
export const actionClassSchema = z.enum(ACTION_CLASSES);
export const riskTierSchema = z.union(RISK_TIERS.map((tier) => z.literal(tier)));

export const manifestCommandSchema = z.object({
  id: commandId,
  path: z.array(z.string().min(1)).min(1).optional(),
  summary: z.string().min(1),
  required_mode: modeSchema,
  supports_json: z.boolean(),
  resource: z.string().min(1),
  action_class: actionClassSchema,
  risk_tier: riskTierSchema,
  dry_run: z.boolean(),
  input_schema: z.record(z.string(), z.unknown()).optional(),
  /** JSON Schema 2020-12 of `data` (a list command: of one item), when the command declares it. */
  output_schema: z.record(z.string(), z.unknown()).optional(),
  /** A list command: the plural key of its items in `data` (`issues`). */
  list_key: z.string().min(1).optional(),
});

export const authSchema = z.object({
  kind: z.enum(['none', 'service-key', 'oauth', 'basic', 'bot-token']),
  required: z.boolean(),
  service_keys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
  config_keys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)),
  interactive_setup: z.array(z.string()),
});

export const manifestSchema = z.object({
  $schema: z.string().optional(),
  tool: z.string().regex(/^aos-[a-z0-9][a-z0-9-]*$/),
  backend: z.string().min(1),
  manifest_schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
  connector: z.object({
    label: z.string().min(1),
    category: z.string().min(1),
    categories: z.array(z.string().min(1)).min(1),
    resources: z.array(z.string().min(1)),
  }),
  auth: authSchema,
  commands: z.array(manifestCommandSchema),
});

export const permissionsSchema = z.object({
  commands: z.record(z.string(), modeSchema),
});

export type ManifestCommand = z.infer<typeof manifestCommandSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Permissions = z.infer<typeof permissionsSchema>;
export type AuthManifest = z.infer<typeof authSchema>;

/** JSON Schema (2020-12) of connector.json, generated from the zod schema above and shipped as schema/connector.schema.json. */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://aos-connectors.dev/schema/connector.schema.json',
    title: 'AOS connector manifest (connector.json)',
    ...(z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
