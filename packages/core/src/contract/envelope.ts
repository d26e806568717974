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

export type Meta = z.infer<typeof metaSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type SuccessEnvelope = z.infer<typeof successEnvelopeSchema>;
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;
export type Health = z.infer<typeof healthSchema>;
export type HealthStatus = Health['status'];
export type Doctor = z.infer<typeof doctorSchema>;
