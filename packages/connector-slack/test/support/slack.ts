import { http, HttpResponse, type DefaultBodyType, type HttpResponseResolver } from 'msw';
import { afterAll, expect } from 'vitest';
import { runCli, useMockApi, type CliResult, type MockApi } from '@aos-connectors/testing';
import slack from '../../src/connector.js';

/** The default base URL: msw answers for slack.com/api itself, so the default is what is tested. */
export const API = 'https://slack.com/api';
export const BOT_TOKEN = 'xoxb-0000000000-canary-bot-token-aos';
export const USER_TOKEN = 'xoxp-0000000000-canary-user-token-aos';

type Env = Record<string, string | undefined>;
const outputs: string[] = [];

/** Runs aos-slack in-process with the bot token (and whatever `env` adds or unsets). */
export async function cli(argv: string[], env: Env = {}): Promise<CliResult> {
  const result = await runCli(slack, argv, { SLACK_BOT_TOKEN: BOT_TOKEN, ...env });
  outputs.push(result.stdout, result.stderr, JSON.stringify(result.audit()));
  return result;
}

/** `cli` with --json, returning the parsed envelope too. */
export async function json(argv: string[], env: Env = {}) {
  const result = await cli(['--json', ...argv], env);
  return { ...result, envelope: result.json() };
}

/** msw for the Web API, failing the file if any output of its runs held a token. */
export function useSlackApi(): MockApi {
  const api = useMockApi();
  afterAll(() => {
    for (const text of outputs) {
      expect(text).not.toContain(BOT_TOKEN);
      expect(text).not.toContain(USER_TOKEN);
    }
  });
  return api;
}

/** A handler for one Web API method, whatever the HTTP verb. */
export const method = (name: string, resolver: HttpResponseResolver<never, DefaultBodyType>) => http.all(`${API}/${name}`, resolver);

/** A 200 JSON answer, as Slack sends both successes and `{ok:false}` errors. */
export const reply = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  HttpResponse.json(body as never, { status: init.status ?? 200, headers: { 'x-slack-req-id': 'a1b2c3d4e5f6', ...init.headers } });

/** `{ok:false, error}`: https://docs.slack.dev/apis/web-api/#responses */
export const slackError = (error: string, extra: Record<string, unknown> = {}, init?: { status?: number; headers?: Record<string, string> }) =>
  reply({ ok: false, error, ...extra }, init);

/** Method, path, query and JSON body of a request, for exact assertions. */
export async function describeRequest(request: Request) {
  const url = new URL(request.url);
  const text = await request.clone().text();
  return { method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : null };
}

/**
 * A cursor-paginated method serving `pages` in order of the cursor each page's predecessor
 * returned (the first page answers a request without `cursor`).
 */
export function paged(name: string, pages: { response_metadata?: { next_cursor?: string } }[]) {
  return method(name, ({ request }) => {
    const cursor = new URL(request.url).searchParams.get('cursor');
    const index = cursor === null ? 0 : pages.findIndex((_, i) => i > 0 && pages[i - 1]!.response_metadata?.next_cursor === cursor);
    return index < 0 ? slackError('invalid_cursor') : reply(pages[index]);
  });
}
