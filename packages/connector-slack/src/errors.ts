import {
  AuthFailedError,
  BackendUnavailableError,
  isAosError,
  NotFoundError,
  RateLimitedError,
  retryAfterSeconds,
  ValidationFailedError,
  type AosError,
  type ErrorDetails,
} from '@aos-connectors/core';

/** Slack's error body: `{ok:false, error, needed?, provided?}` — https://docs.slack.dev/apis/web-api/#responses */
export interface SlackErrorBody {
  ok: false;
  error: string;
  /** With missing_scope: the scope the method needs, and the token's scopes. */
  needed?: string;
  provided?: string;
}

type AosErrorClass = new (message: string, options?: { details?: ErrorDetails; cause?: unknown; hint?: string }) => AosError;

/** The token is missing, wrong, revoked or lacks a scope or a membership (Slack's error tables per method). */
const AUTH = new Set([
  'not_authed', 'invalid_auth', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission',
  'not_allowed_token_type', 'access_denied', 'team_access_not_granted', 'ekm_access_denied',
  'two_factor_setup_required', 'missing_scope', 'not_in_channel', 'enterprise_is_restricted',
]);
const NOT_FOUND = new Set([
  'channel_not_found', 'user_not_found', 'users_not_found', 'thread_not_found', 'message_not_found',
  'team_not_found', 'file_not_found', 'user_not_visible',
]);
/** `ratelimited` comes with HTTP 429 and Retry-After; `rate_limited` is chat.postMessage's posting limit. */
const RATE_LIMITED = new Set(['ratelimited', 'rate_limited']);
/** Slack's side failed; a retry may work (`fatal_error` may have partly succeeded, so it is not retried). */
const TRANSIENT = new Set(['internal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org', 'org_login_required']);

const HINTS: Record<string, string> = {
  not_authed: 'Set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-...) of the installed app.',
  invalid_auth: 'Check SLACK_BOT_TOKEN: copy the Bot User OAuth Token (xoxb-...) from the app\'s OAuth & Permissions page.',
  token_revoked: 'The app was uninstalled or the token revoked: reinstall the app and update SLACK_BOT_TOKEN.',
  not_in_channel: 'Invite the app to the channel first (/invite @your-app in Slack).',
  channel_not_found: 'Use a channel id (C..., G... or D...) from `channel list`, and check that the app can see the channel.',
  message_limit_exceeded: 'The free workspace has reached its message limit.',
};

export const isSlackErrorBody = (body: unknown): body is SlackErrorBody =>
  typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === false && typeof (body as { error?: unknown }).error === 'string';

/** The vendor message for non-2xx answers: Slack's error code (and the needed scope). */
export function slackErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (isSlackErrorBody(body)) return describeCode(body);
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

function describeCode(body: SlackErrorBody): string {
  return body.error === 'missing_scope' && body.needed ? `missing_scope (needs ${body.needed})` : body.error;
}

/**
 * An `{ok:false}` answer (Slack sends errors with HTTP 200) as the contract's error, by code:
 * auth codes and missing_scope → AUTH_FAILED (with `needed`/`provided` in details); *_not_found →
 * NOT_FOUND; ratelimited → RATE_LIMITED (Retry-After in details); Slack's own failures →
 * BACKEND_UNAVAILABLE; anything else (invalid_arguments, invalid_cursor, no_text, is_archived...)
 * → VALIDATION_FAILED.
 */
export function slackBodyError(body: SlackErrorBody, method: string, status: number, headers?: Headers): AosError {
  const code = body.error;
  const details: ErrorDetails = { http_status: status, retryable: false, slack_error: code, vendor_error: body };
  if (body.needed !== undefined) details.needed = body.needed;
  if (body.provided !== undefined) details.provided = body.provided;
  let Class: AosErrorClass = ValidationFailedError;
  let hint = HINTS[code];
  if (AUTH.has(code)) Class = AuthFailedError;
  else if (NOT_FOUND.has(code)) Class = NotFoundError;
  else if (RATE_LIMITED.has(code)) {
    Class = RateLimitedError;
    const wait = headers ? retryAfterSeconds(headers) : undefined;
    Object.assign(details, { retryable: true, retry_after_s: wait ?? null });
  } else if (code === 'message_limit_exceeded') Class = RateLimitedError;
  else if (TRANSIENT.has(code) || code === 'fatal_error') {
    Class = BackendUnavailableError;
    details.retryable = code !== 'fatal_error';
  }
  if (code === 'missing_scope') hint = `Add the ${body.needed ?? 'missing'} scope to the app (OAuth & Permissions), reinstall it, and use the new token.`;
  return new Class(`Slack ${method} failed: ${describeCode(body)}`, { details, hint });
}

/** The Web API method a response answered (the last path segment: `conversations.history`). */
export function methodOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'request';
  } catch {
    return 'request';
  }
}

/**
 * Slack codes in a non-2xx body (rare: Slack answers errors with 200) take precedence over the
 * status mapping, except for rate limits and server errors, which the status already says.
 */
export function mapSlackError(error: AosError): AosError | undefined {
  const body = error.details.vendor_error;
  const status = error.details.http_status;
  if (!isSlackErrorBody(body) || typeof status !== 'number' || status === 200 || status === 429 || status >= 500) return undefined;
  if (error.details.slack_error !== undefined) return undefined;
  const mapped = slackBodyError(body, error.message.split(' ')[1]?.split('/').pop() ?? 'request', status);
  return new (mapped.constructor as AosErrorClass)(mapped.message, { details: { ...error.details, ...mapped.details }, hint: mapped.hint, cause: error });
}

export function toSlackError(error: unknown): unknown {
  return isAosError(error) ? (mapSlackError(error) ?? error) : error;
}
