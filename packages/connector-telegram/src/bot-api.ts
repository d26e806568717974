import { REDACTED, type CommandContext, type Query } from '@aos-connectors/core';
import { toTelegramError } from './errors.js';

export const TOKEN = 'TELEGRAM_BOT_TOKEN';

type Ctx = Pick<CommandContext, 'http' | 'settings' | 'dryRun'>;

/**
 * `bot<token>/<method>` (https://core.telegram.org/bots/api#making-requests). The token is a
 * declared secret, so the core scrubs it from stdout, stderr and the audit log, URLs included
 * (--verbose and audit show `/bot[REDACTED]/`). A dry run never puts it in the path at all: it
 * shows `/bot[REDACTED]/` with or without a token, like the redacted headers of other connectors.
 * The leading `./` keeps the path relative: `bot123:ABC/getMe` alone parses as a URL whose
 * scheme is `bot123`.
 */
export function methodPath(ctx: Pick<Ctx, 'settings' | 'dryRun'>, method: string): string {
  const token = ctx.dryRun ? REDACTED : ctx.settings.require(TOKEN);
  return `./bot${token}/${method}`;
}

/** Every successful answer is `{ok:true, result}`. */
interface BotResponse<T> {
  ok: true;
  result: T;
}

/** A read method as GET with query parameters (the core retries GETs on 5xx and 429). */
export async function botGet<T>(ctx: Ctx, method: string, query: Query = {}): Promise<T> {
  try {
    return (await ctx.http.get<BotResponse<T>>(methodPath(ctx, method), { query })).result;
  } catch (error) {
    throw toTelegramError(error);
  }
}

/** A method with a JSON body (writes, and getUpdates' long poll): POST, never retried by the client. */
export async function botPost<T>(ctx: Ctx, method: string, body: Record<string, unknown>): Promise<T> {
  try {
    return (await ctx.http.post<BotResponse<T>>(methodPath(ctx, method), { json: withoutUndefined(body) })).result;
  } catch (error) {
    throw toTelegramError(error);
  }
}

/** A chat id as Telegram types it: an integer, or `@username` for public chats and channels. */
export function chatId(value: string): number | string {
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
