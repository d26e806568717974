import type { AosError } from '@aos-connectors/contract';
import { AuthFailedError } from '@aos-connectors/contract';
import { BackendUnavailableError, RateLimitedError } from '@aos-connectors/contract';
import { NotFoundError } from '@aos-connectors/contract';
import { ConflictError, ValidationFailedError } from '@aos-connectors/contract';

export interface VendorFailure {
  status: number;
  /** The vendor's own message, if its body had one. */
  vendorMessage: string | undefined;
  body: unknown;
  rateLimited: boolean;
  retryAfterS: number | undefined;
  requestId: string | null;
}

/** What the connector's definition says about the credentials, for the hints of 401/403 answers. */
export interface AuthContext {
  /** The env vars holding the connector's secrets (e.g. `GITHUB_TOKEN`). */
  secrets?: string[];
  /** The scopes or permissions the command declares it needs. */
  scopes?: string[];
}

/** The hint of an AUTH_FAILED: which secret to check and, when declared, which scopes it needs. */
function authHint(status: number, auth: AuthContext): string {
  const secrets = auth.secrets ?? [];
  const which = secrets.length ? `${secrets.join(' or ')}` : 'the credential';
  const scopes = auth.scopes?.length ? ` and has the scope${auth.scopes.length > 1 ? 's' : ''} ${auth.scopes.join(', ')}` : '';
  return status === 401
    ? `Check that ${which} is set to a valid, unexpired credential${scopes} (see \`config show\`).`
    : `Check that ${which} grants access to this resource${scopes || ' and has the scopes this command needs'}.`;
}

/** Maps a vendor's HTTP failure to the contract's error (CONTRACT §3), in one place. */
export function mapVendorFailure(failure: VendorFailure, what: string, auth: AuthContext = {}): AosError {
  const { status, vendorMessage } = failure;
  const suffix = vendorMessage ? `: ${vendorMessage}` : '';
  const details: Record<string, unknown> = { http_status: status, retryable: false };
  if (failure.requestId) details.request_id = failure.requestId;
  if (failure.body !== undefined && typeof failure.body === 'object') details.vendor_error = failure.body;

  if (failure.rateLimited) {
    details.retryable = true;
    details.retry_after_s = failure.retryAfterS ?? null;
    const when = failure.retryAfterS === undefined ? 'later' : `in ${failure.retryAfterS} s`;
    return new RateLimitedError(`${what} was rate limited (HTTP ${status}); retry ${when}${suffix}`, {
      details,
      hint: 'Wait for the rate limit to reset, or raise --timeout-ms so the connector can wait for it.',
    });
  }
  if (status === 401 || status === 403) {
    return new AuthFailedError(`${what} was refused (HTTP ${status})${suffix}`, {
      details,
      hint: authHint(status, auth),
    });
  }
  if (status === 404 || status === 410) {
    return new NotFoundError(`${what} was not found (HTTP ${status})${suffix}`, {
      details,
      hint: `Nothing at ${what}: check the ids and names you gave${status === 404 ? '; a resource the credential may not see can also answer 404' : ''}.`,
    });
  }
  if (status === 409) return new ConflictError(`${what} conflicts with the current state (HTTP 409)${suffix}`, { details });
  if (status === 400 || status === 422) {
    return new ValidationFailedError(`${what} was rejected as invalid (HTTP ${status})${suffix}`, { details });
  }
  details.retryable = status >= 500 || status === 408;
  return new BackendUnavailableError(`${what} failed (HTTP ${status})${suffix}`, { details });
}
