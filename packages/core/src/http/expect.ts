import { BackendUnavailableError } from '@aos-connectors/contract';
import type * as z from 'zod';

const MAX_ISSUES = 5;

/** A short name for what a schema wants, for `details.expected` (its description when it has one). */
function describe(schema: z.ZodType): string {
  const description = (schema as { description?: string }).description;
  if (description) return description;
  const def = (schema as unknown as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } })._zod?.def;
  if (def?.type === 'object' && def.shape) return `an object with ${Object.keys(def.shape).join(', ') || 'no declared fields'}`;
  return def?.type ?? 'a declared shape';
}

/**
 * Checks a vendor's answer against the shape the connector relies on. A mismatch is the vendor's
 * unexpected answer (BACKEND_UNAVAILABLE, exit 5), reported with what was expected and where it
 * differs, instead of a TypeError in the handler reported as our bug (INTERNAL_ERROR).
 */
export function checkShape(schema: z.ZodType, data: unknown, what: string, status?: number): void {
  const result = schema.safeParse(data);
  if (result.success) return;
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const first = issues[0];
  throw new BackendUnavailableError(
    `${what} answered in an unexpected shape${first ? ` (${first.path}: ${first.message})` : ''}`,
    {
      details: { retryable: false, expected: describe(schema), issues, ...(status === undefined ? {} : { http_status: status }) },
      hint: 'The vendor answered with something its API does not document; try again later or report it if it persists.',
    },
  );
}
