import { http, HttpResponse } from 'msw';
import { afterAll, expect, it } from 'vitest';
import { runCli, useMockApi, type CliResult, type MockApi } from '@aos-connectors/testing';
import github from '../../src/connector.js';
import { undocumentedParts, type SentRequest } from './spec.js';

/** The default base URL: msw answers for api.github.com itself, so the default is what is tested. */
export const API = 'https://api.github.com';
export const TOKEN = 'ghp_testcanary0000000000000000000000000000';
export const REPO = 'octocat/Hello-World';

type Env = Record<string, string | undefined>;

const outputs: string[] = [];

/** Runs aos-github in-process with a token (and whatever else `env` adds or unsets). */
export async function cli(argv: string[], env: Env = {}): Promise<CliResult> {
  const result = await runCli(github, argv, { GITHUB_TOKEN: TOKEN, ...env });
  outputs.push(result.stdout, result.stderr, JSON.stringify(result.audit()));
  return result;
}

/** `cli` with --json, returning the parsed envelope too. */
export async function json(argv: string[], env: Env = {}) {
  const result = await cli(['--json', ...argv], env);
  return { ...result, envelope: result.json() };
}

export interface GitHubApi extends MockApi {
  /** The requests of the current test, as method + path?query + parsed JSON body. */
  sent(): Promise<SentRequest[]>;
  /** Every request of the file so far. */
  everything(): Promise<SentRequest[]>;
}

/**
 * msw for GitHub: the core's `useMockApi` plus a record of every request of the whole file.
 * The file's last test proves each was documented in GitHub's OpenAPI description, and that
 * no output of the file ever held the token.
 */
export function useGitHubApi(): GitHubApi {
  const api = useMockApi();
  const everything: Promise<SentRequest>[] = [];
  api.server.events.on('request:start', ({ request }) => void everything.push(describe(request.clone())));
  afterAll(() => {
    for (const text of outputs) expect(text).not.toContain(TOKEN);
  });
  return Object.assign(api, {
    sent: () => Promise.all(api.requests.map((request) => describe(request.clone()))),
    everything: () => Promise.all(everything),
  });
}

/** The final test of a file: every request the file's tests sent is one GitHub documents. */
export function everyRequestIsDocumented(api: GitHubApi): void {
  it('sent only requests GitHub documents (method, path, query parameters, body properties)', async () => {
    const all = await api.everything();
    expect(all.length).toBeGreaterThan(0);
    expect(all.flatMap(undocumentedParts)).toEqual([]);
  });
}

async function describe(request: Request): Promise<SentRequest> {
  const url = new URL(request.url);
  const text = await request.text();
  // GitHub Enterprise Server serves the same API under /api/v3.
  const path = url.origin === API ? url.pathname : url.pathname.replace(/^\/api\/v3(?=\/)/, '');
  return { method: request.method, url: `${path}${url.search}`, body: text ? JSON.parse(text) : null };
}

/** A Link header as GitHub sends it: https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api */
export function linkHeader(path: string, query: Record<string, string | number>, page: number, last: number): string {
  const url = (p: number) => `<${API}${path}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), page: String(p) })}>`;
  const links: string[] = [];
  if (page > 1) links.push(`${url(page - 1)}; rel="prev"`);
  if (page < last) links.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) links.push(`${url(1)}; rel="first"`);
  return links.join(', ');
}

/** A GitHub JSON response with the headers GitHub always sends. */
export function reply(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return HttpResponse.json(body as never, {
    status: init.status ?? 200,
    headers: { 'x-github-request-id': 'CAFE:1234:5678:9ABC:DEF0', ...init.headers },
  });
}

/** GitHub's documented error body: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api */
export function githubError(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return reply({ message, documentation_url: 'https://docs.github.com/rest', ...extra }, { status, headers });
}

/**
 * A Link-paginated collection served like GitHub serves it: `per_page` and `page` select the
 * slice, and the Link header carries the other pages' URLs (`wrap` builds wrapped bodies such
 * as search's `{total_count, incomplete_results, items}`).
 */
export function paginated(
  path: string,
  items: unknown[],
  options: { wrap?: (page: unknown[]) => unknown; linkPath?: string; onPage?: (page: number) => void } = {},
) {
  return http.get(`${API}${path}`, ({ request }) => {
    const url = new URL(request.url);
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    options.onPage?.(page);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const query = Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'page'));
    const link = linkHeader(options.linkPath ?? url.pathname, query, page, last);
    return reply(options.wrap ? options.wrap(slice) : slice, { headers: link ? { link } : {} });
  });
}
