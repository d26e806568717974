/**
 * Seconds until the vendor allows the next request, from `Retry-After` (seconds or HTTP date)
 * or the `x-ratelimit-reset` family (epoch seconds) when the remaining budget is zero.
 */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
  const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (remaining === '0' && reset) {
    const value = Number(reset);
    if (Number.isFinite(value)) {
      // Large values are epoch seconds (GitHub); small ones are a delay (IETF draft).
      return value > 1e9 ? Math.max(0, Math.ceil(value - now / 1000)) : Math.ceil(value);
    }
  }
  return undefined;
}

export function looksRateLimited(response: Response): boolean {
  if (response.status === 429) return true;
  if (response.status !== 403) return false;
  return response.headers.has('retry-after') || response.headers.get('x-ratelimit-remaining') === '0';
}
