import type { HttpResponse } from '@aos-connectors/core';

interface Hop {
  status: number;
  url: string;
}

const PERMANENT = new Set([301, 308]);

/**
 * Where a feed moved for good: the final URL when every redirect on the way was permanent
 * (301/308), as feed readers update a subscription only then. It needs the redirect hops on
 * the response; a core that does not report them yet (`redirects` absent) gives null, and
 * `final_url` still says where the feed was read from.
 */
export function movedTo(response: HttpResponse<unknown>): string | null {
  const hops = (response as HttpResponse<unknown> & { redirects?: Hop[] }).redirects;
  if (!hops?.length) return null;
  return hops.every((hop) => PERMANENT.has(hop.status)) ? response.url : null;
}
