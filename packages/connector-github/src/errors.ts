import { RateLimitedError, type AosError } from '@aos-connectors/core';

/** GitHub asks to wait at least a minute when a secondary limit names no time. */
const SECONDARY_LIMIT_WAIT_S = 60;

/**
 * GitHub may answer a secondary rate limit with a bare 403 whose only sign is the message
 * ("You have exceeded a secondary rate limit"), no retry-after and no x-ratelimit-remaining:
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
 * The core reads only headers, so such a 403 would be AUTH_FAILED; the core applies this
 * mapping (the definition's `mapError`) to every command and to health.
 */
export function mapGitHubError(error: AosError): AosError | undefined {
  if (error.code !== 'AUTH_FAILED' || error.details.http_status !== 403) return undefined;
  const vendor = error.details.vendor_error as { message?: unknown } | undefined;
  if (typeof vendor?.message !== 'string' || !/rate limit/i.test(vendor.message)) return undefined;
  return new RateLimitedError(error.message.replace('was refused', 'was rate limited'), {
    cause: error,
    details: { ...error.details, retryable: true, retry_after_s: SECONDARY_LIMIT_WAIT_S },
    hint: `Wait at least ${SECONDARY_LIMIT_WAIT_S} s before retrying, and send fewer requests at once.`,
  });
}
