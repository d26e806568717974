import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, githubError, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

describe('release.list', () => {
  it('lists releases', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/releases`, () => reply(example('repos/list-releases'))));
    const { exitCode, envelope } = await json(['release', 'list', '--repo', REPO, '--limit', '5']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ releases: [{ tag_name: 'v1.0.0', draft: false }], has_more: false });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/releases?per_page=5`, body: null }]);
  });
});

describe('release.create (risk 3)', () => {
  it('creates a release with GitHub\'s field names', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/releases`, () => reply(example('repos/create-release', '201'), { status: 201 })));
    const result = await json([
      '--mode', 'write', 'release', 'create', 'v1.0.0', '--repo', REPO, '--name', 'v1.0.0', '--body', 'Description of the release',
      '--target', 'master', '--draft', '--prerelease', '--generate-notes', '--make-latest', 'false',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ id: 1, tag_name: 'v1.0.0' });
    expect(await api.sent()).toEqual([{
      method: 'POST',
      url: `/repos/${REPO}/releases`,
      body: {
        tag_name: 'v1.0.0', target_commitish: 'master', name: 'v1.0.0', body: 'Description of the release',
        draft: true, prerelease: true, make_latest: 'false', generate_release_notes: true,
      },
    }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'create', resource: 'release', id: `${REPO}@v1.0.0` }]);
  });

  it('sends only the tag when nothing else is given', async () => {
    const { envelope } = await json(['--dry-run', 'release', 'create', 'v2.0.0', '--repo', REPO]);
    expect(envelope.data.request).toMatchObject({ method: 'POST', url: `${API}/repos/${REPO}/releases`, body: { tag_name: 'v2.0.0' } });
    expect(Object.keys(envelope.data.request.body)).toEqual(['tag_name']);
    expect(api.requests).toHaveLength(0);
  });

  it('an existing tag is GitHub\'s 422 with the field in errors[]', async () => {
    const errors = [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }];
    api.server.use(http.post(`${API}/repos/:owner/:repo/releases`, () => githubError(422, 'Validation Failed', { errors })));
    const { exitCode, envelope } = await json(['--mode', 'write', 'release', 'create', 'v1.0.0', '--repo', REPO]);
    expect(exitCode).toBe(2);
    expect(envelope.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { vendor_error: { errors } } });
    expect(envelope.error.message).toContain('Release.tag_name already_exists');
  });
});

everyRequestIsDocumented(api);
