import * as z from 'zod';
import { command, linkPage, UsageError } from '@aos-connectors/core';
import { directionInput } from '../inputs.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { fullRepository, listedRepository } from '../output-shapes.js';

/** GET /repos/{owner}/{repo} — https://docs.github.com/en/rest/repos/repos#get-a-repository */
export const repoGet = command({
  id: 'repo.get',
  summary: 'Get a repository',
  resource: 'repo',
  action: 'read',
  risk: 1,
  input: z.object({ repo: repoInput }),
  positionals: ['repo'],
  examples: ['aos-github --json repo get octocat/Hello-World'],
  output: fullRepository,
  run: ({ repo }, { http, settings }) => http.get(repoPath(resolveRepo(repo, settings))),
});

/**
 * GET /user/repos — https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user
 * GET /users/{username}/repos — https://docs.github.com/en/rest/repos/repos#list-repositories-for-a-user
 * GET /orgs/{org}/repos — https://docs.github.com/en/rest/repos/repos#list-organization-repositories
 */
export const repoList = command({
  id: 'repo.list',
  summary: 'List repositories of the authenticated user, a user or an organization',
  resource: 'repo',
  action: 'read',
  risk: 1,
  input: z.object({
    owner: z.string().optional().describe('A user or organization (default: the authenticated user)'),
    org: z.boolean().default(false).describe('Treat --owner as an organization'),
    sort: z.enum(['created', 'updated', 'pushed', 'full_name']).optional().describe('Sort field'),
    direction: directionInput,
  }),
  list: { key: 'repos', maxPageSize: 100, columns: ['full_name', 'private', 'default_branch', 'updated_at'] },
  examples: ['aos-github --json repo list --owner octocat --sort pushed --limit 10'],
  output: listedRepository,
  run: ({ owner, org, sort, direction }, { http, page }) => {
    if (org && !owner) throw new UsageError('--org needs --owner <organization>');
    const path = !owner ? '/user/repos' : org ? `/orgs/${encodeURIComponent(owner)}/repos` : `/users/${encodeURIComponent(owner)}/repos`;
    return linkPage(http, path, { sort, direction }, page);
  },
});
