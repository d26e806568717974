import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();
const TEXT = '# Octokit\n\nRuby toolkit for the GitHub API — ünïcödé ✓\n';

/** The documented file response, with real base64 (GitHub wraps it at 60 characters with \n). */
function fileWith(bytes: Buffer) {
  const file = example('repos/get-content', '200', 'response-if-content-is-a-file');
  file.content = bytes.toString('base64').replace(/.{60}/g, '$&\n');
  file.size = bytes.length;
  return file;
}

describe('content.get', () => {
  it('decodes a text file and says so in `encoding`', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/contents/*`, () => reply(fileWith(Buffer.from(TEXT)))));
    const { exitCode, envelope } = await json(['content', 'get', 'README.md', '--repo', REPO, '--ref', 'v1.0']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ type: 'file', name: 'README.md', path: 'README.md', encoding: 'utf-8', content: TEXT, sha: '3d21ec53a331a6f037a91c368710b99387d012c1' });
    expect(envelope.data.binary).toBeUndefined();
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/contents/README.md?ref=v1.0`, body: null }]);
  });

  it('keeps a binary file as base64 and marks it', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
    api.server.use(http.get(`${API}/repos/:owner/:repo/contents/*`, () => reply(fileWith(png))));
    const { envelope } = await json(['content', 'get', 'docs/logo.png', '--repo', REPO]);
    expect(envelope.data).toMatchObject({ type: 'file', encoding: 'base64', binary: true, content: png.toString('base64') });
    expect((await api.sent())[0]!.url).toBe(`/repos/${REPO}/contents/docs/logo.png`);
  });

  it('lists a directory (GitHub answers with an array)', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/contents/*`, () => reply(example('repos/get-content', '200', 'response-if-content-is-a-directory'))));
    const { envelope } = await json(['content', 'get', 'lib/octokit/', '--repo', REPO]);
    expect(envelope.data).toMatchObject({ type: 'dir', path: 'lib/octokit', entries: [{ type: 'file', name: 'octokit.rb' }, { type: 'dir', name: 'octokit' }] });
    expect((await api.sent())[0]!.url).toBe(`/repos/${REPO}/contents/lib/octokit`);
  });

  it('lists the repository root without a path', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/contents/`, () => reply(example('repos/get-content', '200', 'response-if-content-is-a-directory'))));
    const { envelope } = await json(['content', 'get', '--repo', REPO]);
    expect(envelope.data).toMatchObject({ type: 'dir', path: '' });
    expect((await api.sent())[0]!.url).toBe(`/repos/${REPO}/contents/`);
  });

  it('encodes each path segment but keeps the slashes', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/contents/*`, () => reply(fileWith(Buffer.from('x')))));
    await json(['content', 'get', 'docs/a file#1.md', '--repo', REPO]);
    expect((await api.sent())[0]!.url).toBe(`/repos/${REPO}/contents/docs/a%20file%231.md`);
  });

  it('passes a symlink or submodule object through unchanged', async () => {
    const submodule = example('repos/get-content', '200', 'response-if-content-is-a-submodule');
    api.server.use(http.get(`${API}/repos/:owner/:repo/contents/*`, () => reply(submodule)));
    const { envelope } = await json(['content', 'get', 'vendor/lib', '--repo', REPO]);
    expect(envelope.data).toEqual(submodule);
  });
});

everyRequestIsDocumented(api);
