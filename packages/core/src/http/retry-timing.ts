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
  // One value per window, comma-separated when a vendor has several (Brave: "0, 1500").
  const list = (name: string) => (headers.get(`x-${name}`) ?? headers.get(name) ?? '').split(',').map((v) => v.trim());
  const remaining = list('ratelimit-remaining');
  const reset = list('ratelimit-reset');
  const exhausted = remaining.indexOf('0');
  if (exhausted !== -1 && reset[exhausted]) {
    const value = Number(reset[exhausted]);
    if (Number.isFinite(value)) {
      // Large values are epoch seconds (GitHub); small ones are a delay (IETF draft, Brave).
      return value > 1e9 ? Math.max(0, Math.ceil(value - now / 1000)) : Math.ceil(value);
    }
  }
  return undefined;
}

export function looksRateLimited(response: Response): boolean {
  if (response.status === 429) return true;
  if (response.status !== 403) return false;
  const remaining = (response.headers.get('x-ratelimit-remaining') ?? '').split(',').map((v) => v.trim());
  return response.headers.has('retry-after') || remaining.includes('0');
}
