import type { HttpResponse } from '@aos-connectors/core';

const PERMANENT = new Set([301, 308]);

/**
 * Where a feed moved for good: the final URL when every redirect on the way was permanent
 * (301/308), as feed readers update a subscription only then.
 */
export function movedTo(response: HttpResponse<unknown>): string | null {
  const hops = response.redirects;
  if (!hops.length) return null;
  return hops.every((hop) => PERMANENT.has(hop.status)) ? response.url : null;
}
