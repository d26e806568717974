import type { ErrorCode } from '@aos-connectors/contract';
import type { AosError } from '@aos-connectors/contract';
import { BackendUnavailableError, TimeoutError } from '@aos-connectors/contract';
import { toAosError } from '@aos-connectors/contract';

const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['BACKEND_UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED']);

/** Errors that retrying cannot fix: wrong credentials, configuration or usage. The gateway stops on them. */
const FATAL: ReadonlySet<ErrorCode> = new Set([
  'INVALID_USAGE',
  'PERMISSION_DENIED',
  'POLICY_DENIED',
  'APPROVAL_REQUIRED',
  'AUTH_REQUIRED',
  'AUTH_FAILED',
  'CONFIG_ERROR',
]);

// What Node's sockets, DNS and undici throw when the network, not the request, failed.
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN',
  'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Any error an adapter threw, as a contract error. Raw network failures (an adapter that uses
 * fetch or a socket directly) become BACKEND_UNAVAILABLE rather than INTERNAL_ERROR, so they are
 * retried instead of failing the message for good.
 */
export function classifyAdapterError(error: unknown): AosError {
  if (error instanceof Error && error.name === 'TimeoutError' && !(error instanceof TimeoutError)) {
    return new TimeoutError('The platform did not answer in time', { cause: error, details: { retryable: true } });
  }
  const code = networkCode(error);
  if (code) return new BackendUnavailableError(`The platform could not be reached (${code})`, { cause: error, details: { retryable: true, network_error: code } });
  return toAosError(error);
}

/** Worth retrying: the platform was unreachable, slow or rate limiting, and did not say otherwise. */
export function isTransient(error: AosError): boolean {
  return TRANSIENT.has(error.code) && error.details.retryable !== false;
}

export function isFatal(error: AosError): boolean {
  return FATAL.has(error.code);
}

/** The platform's requested wait in ms (`details.retry_after_s`), if any. */
export function retryAfterMs(error: AosError): number | undefined {
  const seconds = error.details.retry_after_s;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
