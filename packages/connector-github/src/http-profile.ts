import type { HttpProfile } from '@aos-connectors/core';

export const GITHUB_API_URL = 'https://api.github.com';

interface GitHubErrorBody {
  message?: string;
  errors?: ({ resource?: string; field?: string; code?: string; message?: string } | string)[];
}

/**
 * GitHub's error body, `{message, errors: [{resource, field, code}], documentation_url}`
 * (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api), as one line:
 * "Validation Failed: Issue.title missing_field".
 */
export function githubErrorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 300) || undefined : undefined;
  const { message, errors } = body as GitHubErrorBody;
  const detail = (Array.isArray(errors) ? errors : [])
    .map((e) => {
      if (typeof e === 'string') return e;
      const where = [e.resource, e.field].filter(Boolean).join('.');
      return e.message ?? [where, e.code].filter(Boolean).join(' ');
    })
    .filter(Boolean)
    .join('; ');
  return [message, detail].filter(Boolean).join(': ') || undefined;
}

/** How GitHub's REST API is called: https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api */
export const githubHttp: HttpProfile = {
  baseUrl: { setting: 'GITHUB_API_URL', default: GITHUB_API_URL },
  headers: {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  },
  auth: (secret) => ({ authorization: `Bearer ${secret('GITHUB_TOKEN')}` }),
  requestIdHeader: 'x-github-request-id',
  errorMessage: githubErrorMessage,
};
