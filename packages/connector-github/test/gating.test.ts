import { describe, expect, it } from 'vitest';
import { requiredMode } from '@aos-connectors/core';
import github from '../src/connector.js';
import { samples } from './samples.js';
import { API, json, useGitHubApi } from './support/github.js';
import { undocumentedParts } from './support/spec.js';

const api = useGitHubApi();
const R = `${API}/repos/octocat/Hello-World`;
const writes = github.commands.filter((c) => c.action !== 'read');

/** The exact request each write's sample would send (CONTRACT §4: a dry run shows it). */
const planned: Record<string, { method: string; url: string; body: unknown }> = {
  'issue.create': { method: 'POST', url: `${R}/issues`, body: { title: 'Found a bug', body: 'It crashes', labels: ['bug'] } },
  'issue.update': { method: 'PATCH', url: `${R}/issues/1347`, body: { state: 'closed', state_reason: 'completed' } },
  'issue.comment': { method: 'POST', url: `${R}/issues/1347/comments`, body: { body: 'Me too' } },
  'pr.create': { method: 'POST', url: `${R}/pulls`, body: { title: 'Amazing new feature', head: 'new-feature', base: 'master' } },
  'pr.merge': { method: 'PUT', url: `${R}/pulls/1347/merge`, body: { sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', merge_method: 'squash' } },
  'pr.review': { method: 'POST', url: `${R}/pulls/1347/reviews`, body: { event: 'APPROVE', body: 'LGTM' } },
  'branch.create': { method: 'POST', url: `${R}/git/refs`, body: { ref: 'refs/heads/featureA', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' } },
  'branch.delete': { method: 'DELETE', url: `${R}/git/refs/heads/featureA`, body: null },
  'actions.trigger': { method: 'POST', url: `${R}/actions/workflows/deploy.yml/dispatches`, body: { ref: 'main', inputs: { env: 'staging' } } },
  'release.create': { method: 'POST', url: `${R}/releases`, body: { tag_name: 'v1.0.0', name: 'v1.0.0', draft: true } },
  'label.add': { method: 'POST', url: `${R}/issues/1347/labels`, body: { labels: ['bug', 'enhancement'] } },
};

describe('modes and risk (CONTRACT §4)', () => {
  it('declares the intended mode, action and risk for each command', () => {
    const table = Object.fromEntries(github.commands.map((c) => [c.id, `${requiredMode(c)}/${c.action}/${c.risk}`]));
    for (const c of github.commands.filter((c) => c.action === 'read')) expect(table[c.id]).toBe('readonly/read/1');
    expect(Object.fromEntries(writes.map((c) => [c.id, table[c.id]]))).toEqual({
      'issue.create': 'write/write/2', 'issue.update': 'write/write/2', 'issue.comment': 'write/write/2',
      'pr.create': 'write/write/2', 'pr.merge': 'admin/destructive/4', 'pr.review': 'write/write/2',
      'branch.create': 'write/write/2', 'branch.delete': 'admin/destructive/4', 'actions.trigger': 'write/write/3',
      'release.create': 'write/write/3', 'label.add': 'write/write/2',
    });
  });

  for (const command of writes) {
    it(`${command.id}: refused in readonly with valid arguments (exit 3), zero requests`, async () => {
      const { exitCode, envelope } = await json([...command.id.split('.'), ...samples[command.id]!]);
      expect(exitCode).toBe(3);
      expect(envelope.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { required_mode: requiredMode(command), actual_mode: 'readonly' } });
      expect(api.requests).toHaveLength(0);
    });

    it(`${command.id}: --dry-run prints the exact request and sends nothing`, async () => {
      const { exitCode, envelope } = await json(['--dry-run', ...command.id.split('.'), ...samples[command.id]!]);
      expect(exitCode).toBe(0);
      expect(envelope.meta.dry_run).toBe(true);
      const { headers, ...request } = envelope.data.request;
      expect(request).toEqual(planned[command.id]);
      expect(headers.authorization).toBe('[REDACTED]');
      expect(api.requests).toHaveLength(0);
    });
  }

  it('every planned write request is one GitHub documents', () => {
    expect(Object.keys(planned).sort()).toEqual(writes.map((c) => c.id).sort());
    const problems = Object.values(planned).flatMap(({ method, url, body }) => undocumentedParts({ method, url: url.slice(API.length), body }));
    expect(problems).toEqual([]);
  });
});
