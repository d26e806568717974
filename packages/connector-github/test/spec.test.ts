import { describe, expect, it } from 'vitest';
import { documentedHeaders, example, findOperation, undocumentedParts } from './support/spec.js';

/** The checker the other files rely on must itself catch what it claims to. */
describe('the OpenAPI request checker', () => {
  it('matches requests to GitHub\'s templates, the most specific first', () => {
    expect(findOperation('GET', '/repos/octocat/Hello-World/issues/1347')?.operationId).toBe('issues/get');
    expect(findOperation('GET', '/repos/octocat/Hello-World/issues/comments')?.operationId).toBe('issues/list-comments-for-repo');
    expect(findOperation('DELETE', '/repos/o/r/git/refs/heads/feature/a')?.operationId).toBe('git/delete-ref');
    expect(findOperation('GET', '/repos/o/r/contents/a/b/c.md')?.operationId).toBe('repos/get-content');
  });

  it('flags an unknown path, method, query parameter or body property', () => {
    expect(undocumentedParts({ method: 'GET', url: '/repos/o/r/tickets', body: null })).toEqual(['GET /repos/o/r/tickets: no such operation']);
    expect(undocumentedParts({ method: 'PATCH', url: '/repos/o/r/pulls/1/merge', body: {} })).toHaveLength(1);
    expect(undocumentedParts({ method: 'GET', url: '/repos/o/r/issues?status=open&per_page=5', body: null })).toEqual([
      'GET /repos/{owner}/{repo}/issues: query parameter "status"',
    ]);
    expect(undocumentedParts({ method: 'POST', url: '/repos/o/r/issues', body: { title: 't', labels: [], priority: 1 } })).toEqual([
      'POST /repos/{owner}/{repo}/issues: body property "priority"',
    ]);
    expect(undocumentedParts({ method: 'GET', url: '/user', body: { x: 1 } })).toEqual(['GET /user: takes no JSON body']);
  });

  it('accepts documented requests, including oneOf bodies (add labels)', () => {
    expect(undocumentedParts({ method: 'POST', url: '/repos/o/r/issues/1/labels', body: { labels: ['bug'] } })).toEqual([]);
    expect(undocumentedParts({ method: 'GET', url: '/search/issues?q=x&sort=created&order=asc&per_page=100&page=2', body: null })).toEqual([]);
  });

  it('serves documented examples and headers', () => {
    expect(example('users/get-authenticated')).toMatchObject({ login: 'octocat' });
    expect(documentedHeaders('issues/list-for-repo')).toContain('link');
    expect(() => example('issues/get', '404')).toThrow(/no example/);
  });
});
