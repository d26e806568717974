import { replies, startRecordingServer, type RecordingServer } from '@aos-connectors/testing';

export const TOKEN = 'ghp_aoshostcanary000000000000000000000000';

/** A node:http stand-in for the few GitHub endpoints these tests call (GITHUB_API_URL points here). */
export function startGitHub(): Promise<RecordingServer> {
  return startRecordingServer((request) => {
    const path = request.url.split('?')[0];
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return replies.json(401, { message: 'Bad credentials' });
    if (request.method === 'GET' && path === '/user') return replies.json(200, { login: 'octocat' });
    if (request.method === 'GET' && path === '/repos/octocat/hello/issues') {
      return replies.json(200, [{ number: 7, title: 'Found a bug', state: 'open', user: { login: 'octocat' }, labels: [], html_url: 'https://github.com/octocat/hello/issues/7' }]);
    }
    if (request.method === 'POST' && path === '/repos/octocat/hello/issues') {
      return replies.json(201, { number: 8, title: JSON.parse(request.body).title, state: 'open', html_url: 'https://github.com/octocat/hello/issues/8' });
    }
    return replies.json(404, { message: 'Not Found' });
  });
}
