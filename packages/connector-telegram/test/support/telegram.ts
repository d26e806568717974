import { http, HttpResponse, type DefaultBodyType, type HttpResponseResolver } from 'msw';
import { afterAll, expect } from 'vitest';
import { runCli, useMockApi, type CliResult, type MockApi } from '@aos-connectors/testing';
import telegram from '../../src/connector.js';

/** The default base URL: msw answers for api.telegram.org itself, so the default is what is tested. */
export const API = 'https://api.telegram.org';
/** Shaped like a real token (`<bot id>:<secret>`); it must never appear in any output. */
export const TOKEN = '123456789:AAHcanaryTelegramToken_0000000000000';
export const BOT_PATH = `/bot${TOKEN}`;

type Env = Record<string, string | undefined>;
const outputs: string[] = [];

/** Runs aos-telegram in-process with the token (and whatever `env` adds or unsets). */
export async function cli(argv: string[], env: Env = {}): Promise<CliResult> {
  const result = await runCli(telegram, argv, { TELEGRAM_BOT_TOKEN: TOKEN, ...env });
  outputs.push(result.stdout, result.stderr, JSON.stringify(result.audit()));
  return result;
}

/** `cli` with --json, returning the parsed envelope too. */
export async function json(argv: string[], env: Env = {}) {
  const result = await cli(['--json', ...argv], env);
  return { ...result, envelope: result.json() };
}

/** msw for the Bot API, failing the file if any output of its runs held the token. */
export function useTelegramApi(): MockApi {
  const api = useMockApi();
  afterAll(() => {
    for (const text of outputs) expect(text).not.toContain(TOKEN);
    for (const text of outputs) expect(text).not.toContain(TOKEN.split(':')[1]);
  });
  return api;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A handler for one Bot API method (GET or POST) at exactly the test token's path. A RegExp,
 * because in a path pattern the token's `:AAH...` part would read as a parameter.
 */
export function bot(method: string, resolver: HttpResponseResolver<never, DefaultBodyType>) {
  return http.all(new RegExp(`^${escape(`${API}${BOT_PATH}/${method}`)}$`), resolver);
}

/** `{ok:true, result}`: https://core.telegram.org/bots/api#making-requests */
export const ok = (result: unknown) => HttpResponse.json({ ok: true, result } as never);

/** `{ok:false, error_code, description[, parameters]}` with the same HTTP status. */
export const tgError = (status: number, description: string, parameters?: { retry_after?: number; migrate_to_chat_id?: number }) =>
  HttpResponse.json({ ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) } as never, { status });

/** A request's method, path (token shown as <token>), query and JSON body, for exact assertions. */
export async function describeRequest(request: Request) {
  const url = new URL(request.url);
  const text = await request.clone().text();
  return {
    method: request.method,
    path: url.pathname.replace(BOT_PATH, '/bot<token>'),
    query: Object.fromEntries(url.searchParams),
    body: text ? JSON.parse(text) : null,
  };
}
