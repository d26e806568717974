import { http, HttpResponse } from 'msw';
import { runCli } from '../src/index.js';
import widgets from './fixture/src/connector.js';

export const API = 'https://api.widgets.test/v1';
export const TOKEN = 'wt_canary_9d8f7e6a5b4c3d2e1f';

/** Every output of every run in a file, checked for the secret at the end. */
export const seenOutputs: string[] = [];

export const env = (extra: Record<string, string> = {}) => ({ WIDGETS_TOKEN: TOKEN, WIDGETS_API_URL: API, ...extra });

export async function cli(argv: string[], extra: Record<string, string> = {}, base: Record<string, string> = env()) {
  const result = await runCli(widgets, argv, { ...base, ...extra });
  seenOutputs.push(result.stdout, result.stderr, JSON.stringify(result.audit()));
  return result;
}

export const widget = (id: number) => ({ id, name: `widget-${id}`, color: id % 2 ? 'red' : 'blue' });

/** A Link-paginated collection of `total` widgets, like GitHub's. */
export function pagedWidgets(total: number) {
  return http.get(`${API}/widgets`, ({ request }) => {
    const url = new URL(request.url);
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const start = (page - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => widget(start + i + 1));
    const last = Math.max(1, Math.ceil(total / perPage));
    const link = (p: number, rel: string) => `<${API}/widgets?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [link(1, 'first')];
    return HttpResponse.json(items, { headers: { link: links.join(', '), 'x-request-id': `req-${page}` } });
  });
}
