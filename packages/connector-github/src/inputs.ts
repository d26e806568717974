import * as z from 'zod';

/** An issue or pull request number (`issue get 42`). */
export const numberInput = (what: string) => z.number().int().positive().describe(`${what} number`);

/** Names given as a repeatable flag or a comma-separated list (`--labels bug,triage`). */
export const namesInput = (what: string) => z.array(z.string().min(1)).optional().describe(`${what} (repeatable or comma-separated)`);

/** An ISO 8601 timestamp (`YYYY-MM-DDTHH:MM:SSZ`), the form GitHub's `since` parameters take. */
export const sinceInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'expected an ISO 8601 time such as 2024-01-31T12:00:00Z')
  .optional()
  .describe('Only items updated at or after this ISO 8601 time');

export const directionInput = z.enum(['asc', 'desc']).optional().describe('Sort direction');

/** Keeps only the keys whose value is set, so a body carries exactly what the caller gave. */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
