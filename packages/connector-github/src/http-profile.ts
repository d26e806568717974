import type { HttpProfile } from '@aos-connectors/core';

export const GITHUB_API_URL = 'https://api.github.com';

/** How GitHub's REST API is called: https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api */
export const githubHttp: HttpProfile = {
  baseUrl: { setting: 'GITHUB_API_URL', default: GITHUB_API_URL },
  headers: {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  },
  auth: (secret) => ({ authorization: `Bearer ${secret('GITHUB_TOKEN')}` }),
  requestIdHeader: 'x-github-request-id',
  errorMessage: (body) => {
    if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 300) : undefined;
    const { message, errors } = body as { message?: string; errors?: { message?: string; field?: string; code?: string }[] };
    const detail = (errors ?? [])
      .map((e) => e.message ?? [e.field, e.code].filter(Boolean).join(' '))
      .filter(Boolean)
      .join('; ');
    return [message, detail].filter(Boolean).join(': ') || undefined;
  },
};
