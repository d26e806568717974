import {
  AuthFailedError,
  BackendUnavailableError,
  ConfigError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  ValidationFailedError,
  isAosError,
  type AosError,
  type ErrorDetails,
} from '@aos-connectors/core';

/** Telegram's error body: https://core.telegram.org/bots/api#making-requests */
export interface TelegramErrorBody {
  ok: false;
  error_code?: number;
  description?: string;
  /** https://core.telegram.org/bots/api#responseparameters */
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

type AosErrorClass = new (message: string, options?: { details?: ErrorDetails; cause?: unknown; hint?: string }) => AosError;

const isErrorBody = (body: unknown): body is TelegramErrorBody =>
  typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === false;

/** The `/bot<token>/` path segment, wherever a message quotes a request path. */
const TOKEN_SEGMENT = /\/bot[^/\s]+\//g;
export const redactTokenPath = (text: string): string => text.replace(TOKEN_SEGMENT, '/bot[REDACTED]/');

export function telegramErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  const record = (body ?? {}) as { description?: unknown; message?: unknown };
  if (typeof record.description === 'string' && record.description) return record.description;
  return typeof record.message === 'string' && record.message ? record.message : undefined;
}

/** `{ok:false}` in a 2xx answer (Telegram sends the matching status; this is the safety net). */
export function telegramBodyError(body: unknown, response: Response): AosError | undefined {
  if (!isErrorBody(body)) return undefined;
  const status = body.error_code ?? response.status;
  const method = new URL(response.url || 'http://x/').pathname.split('/').pop() || 'the request';
  const details: ErrorDetails = { http_status: status, retryable: false, vendor_error: body };
  const message = `Telegram ${method} failed (error ${status}): ${body.description ?? 'no description'}`;
  const Class: AosErrorClass =
    status === 401 || status === 403 ? AuthFailedError
      : status === 404 ? NotFoundError
        : status === 409 ? ConflictError
          : status === 429 ? RateLimitedError
            : status >= 400 && status < 500 ? ValidationFailedError
              : BackendUnavailableError;
  if (Class === RateLimitedError || Class === BackendUnavailableError) details.retryable = true;
  return mapTelegramError(new Class(message, { details })) ?? new Class(message, { details });
}

/** Descriptions of a 400 that name something missing: https://core.telegram.org/bots/api#sendmessage etc. */
const NOT_FOUND = /\bnot found\b/i;
const WEBHOOK_ACTIVE = /webhook is active/i;

/**
 * Telegram's refinements of the core's status mapping, applied to every command, health and the
 * gateway (idempotent, so applying it twice changes nothing):
 * - 429: the wait is in `parameters.retry_after` of the body, not in a Retry-After header;
 * - 400 "Bad Request: chat not found" (and message/user/thread not found) is NOT_FOUND;
 * - 409 "can't use getUpdates method while webhook is active" is CONFIG_ERROR (the gateway stops);
 * - a message quoting the request path shows `/bot[REDACTED]/`, whatever the scrubber knows.
 */
export function mapTelegramError(error: AosError): AosError | undefined {
  const vendor = isErrorBody(error.details.vendor_error) ? error.details.vendor_error : undefined;
  const description = vendor?.description ?? '';
  const retryAfter = vendor?.parameters?.retry_after;
  const status = error.details.http_status;
  let Class = error.constructor as AosErrorClass;
  let details = error.details;
  let hint = error.hint;
  let message = redactTokenPath(error.message);

  if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number' && details.retry_after_s == null) {
    details = { ...details, retryable: true, retry_after_s: retryAfter };
    message = message.replace(/retry later/, `retry in ${retryAfter} s`);
  } else if (error.code === 'VALIDATION_FAILED' && status === 400 && NOT_FOUND.test(description)) {
    Class = NotFoundError;
    hint = 'Check the chat id (a number, or @username for public chats) and that the bot is a member of the chat.';
  } else if (error.code === 'CONFLICT' && WEBHOOK_ACTIVE.test(description)) {
    Class = ConfigError;
    hint = 'The bot has a webhook; getUpdates (and the gateway) work only without one: call deleteWebhook, or check with `webhook get`.';
  } else if (error.code === 'AUTH_FAILED' && status === 401) {
    hint = 'Check TELEGRAM_BOT_TOKEN: @BotFather shows the token of each of your bots (/mybots).';
  }
  if (Class === error.constructor && message === error.message && details === error.details && hint === error.hint) return undefined;
  return new Class(message, { details, hint, cause: error.cause ?? error });
}

/** Any error as the one to report: the core's contract error refined by mapTelegramError. */
export function toTelegramError(error: unknown): unknown {
  return isAosError(error) ? (mapTelegramError(error) ?? error) : error;
}
