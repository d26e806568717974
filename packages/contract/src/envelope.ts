import * as z from 'zod';
import { ERROR_CODES } from './error-codes.js';
import { modeSchema } from './manifest.js';

export const metaSchema = z.object({
  mode: modeSchema,
  duration_ms: z.number().nonnegative(),
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
  version: z.string().min(1),
  evidence_id: z.string().min(8),
  dry_run: z.boolean().optional(),
  request_ids: z.array(z.string()).optional(),
});

export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES as [string, ...string[]]),
  message: z.string().min(1),
  details: z.record(z.string(), z.unknown()),
});

export const successEnvelopeSchema = z.object({
  ok: z.literal(true),
  tool: z.string(),
  command: z.string(),
  data: z.unknown(),
  meta: metaSchema,
});

export const errorEnvelopeSchema = z.object({
  ok: z.literal(false),
  tool: z.string(),
  command: z.string(),
  error: errorBodySchema,
  meta: metaSchema,
});

export const envelopeSchema = z.discriminatedUnion('ok', [successEnvelopeSchema, errorEnvelopeSchema]);

export const listDataSchema = z
  .object({ next_cursor: z.string().nullable(), has_more: z.boolean() })
  .catchall(z.unknown());

export const healthSchema = z.object({
  status: z.enum(['healthy', 'needs_setup', 'degraded', 'error']),
  ready: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  next_steps: z.array(z.string()),
});

export const doctorSchema = z.object({
  ready: z.boolean(),
  commands: z.record(z.string(), z.object({ ready: z.boolean(), missing: z.array(z.string()) })),
  next_steps: z.array(z.string()),
});

/** `config show` data: secrets only as present/absent and where they came from, never values. */
export const configShowSchema = z.object({
  tool: z.string(),
  mode: modeSchema,
  secrets: z.array(
    z.object({
      name: z.string(),
      present: z.boolean(),
      source: z.string().nullable(),
      accepted: z.array(z.string()),
      description: z.string(),
    }).strict(),
  ),
  settings: z.array(z.object({ name: z.string(), value: z.string().nullable(), source: z.string().nullable(), description: z.string() })),
  audit_dir: z.string().nullable(),
  policy_file: z.string().nullable(),
});

/** One line of the audit log (CONTRACT §7). */
export const auditRecordSchema = z.object({
  evidence_id: z.string().min(8),
  timestamp: z.string(),
  tool: z.string(),
  version: z.string(),
  command: z.string(),
  mode: modeSchema,
  arguments: z.unknown(),
  dry_run: z.boolean(),
  outcome: z.string(),
  exit_code: z.number().int(),
  duration_ms: z.number().nonnegative(),
  http: z.array(
    z.object({
      method: z.string(),
      url: z.string(),
      status: z.number().int().nullable(),
      request_id: z.string().nullable(),
      duration_ms: z.number(),
      error: z.string().optional(),
    }),
  ),
  side_effects: z.array(z.object({ kind: z.string(), resource: z.string(), id: z.string().nullable() })),
});

export type Meta = z.infer<typeof metaSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type SuccessEnvelope = z.infer<typeof successEnvelopeSchema>;
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;
export type Health = z.infer<typeof healthSchema>;
export type HealthStatus = Health['status'];
export type Doctor = z.infer<typeof doctorSchema>;
export type ConfigShow = z.infer<typeof configShowSchema>;
