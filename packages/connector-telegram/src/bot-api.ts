import { REDACTED, type CommandContext, type Query } from '@aos-connectors/core';
import * as z from 'zod';
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

const present = z.unknown().refine((value) => value !== undefined, 'Required');
const message = z.object({ message_id: z.number(), chat: z.object({ id: z.number() }) });

/**
 * What each method's `result` must hold for the commands and the gateway to use it (the fields
 * they read), from https://core.telegram.org/bots/api#available-methods. A method not listed only
 * needs `result` present.
 */
const RESULT_SHAPES: Record<string, z.ZodType> = {
  getMe: z.object({ id: z.number() }),
  getChat: z.object({ id: z.union([z.number(), z.string()]) }),
  getWebhookInfo: z.object({ url: z.string() }),
  getUpdates: z.array(z.object({ update_id: z.number() })),
  sendMessage: message,
  // An inline message's edit answers `true` instead of the message.
  editMessageText: z.union([message, z.literal(true)]),
};

/**
 * The answer a method must give: `{ok: true, result}` with `result` in its documented shape.
 * `{"ok":true,"result":{}}` for sendMessage, or `{}`, is the vendor's unexpected answer:
 * BACKEND_UNAVAILABLE with `details.expected` and the issues, not a TypeError in a command.
 */
function botResponse(method: string): z.ZodType {
  return z.object({ ok: z.literal(true), result: RESULT_SHAPES[method] ?? present }).describe(`{ok: true, result} of ${method}`);
}

/** A read method as GET with query parameters (the core retries GETs on 5xx and 429). */
export async function botGet<T>(ctx: Ctx, method: string, query: Query = {}): Promise<T> {
  try {
    return (await ctx.http.get<BotResponse<T>>(methodPath(ctx, method), { query, expect: botResponse(method) })).result;
  } catch (error) {
    throw toTelegramError(error);
  }
}

/** A method with a JSON body (writes, and getUpdates' long poll): POST, never retried by the client. */
export async function botPost<T>(ctx: Ctx, method: string, body: Record<string, unknown>): Promise<T> {
  try {
    return (await ctx.http.post<BotResponse<T>>(methodPath(ctx, method), { json: withoutUndefined(body), expect: botResponse(method) })).result;
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
