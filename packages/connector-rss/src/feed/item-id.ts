import { createHash } from 'node:crypto';

/** An id for an item that has neither guid nor link: the same content always gets the same id. */
export function contentId(...parts: (string | null | undefined)[]): string {
  const digest = createHash('sha256').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex');
  return `urn:sha256:${digest.slice(0, 32)}`;
}
