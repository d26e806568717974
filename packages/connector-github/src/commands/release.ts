import * as z from 'zod';
import { command, linkPage } from '@aos-connectors/core';
import { defined } from '../inputs.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { release as releaseShape } from '../output-shapes.js';

/**
 * GET /repos/{owner}/{repo}/releases — https://docs.github.com/en/rest/releases/releases#list-releases
 * Drafts are listed only for callers with push access, as GitHub documents.
 */
export const releaseList = command({
  id: 'release.list',
  summary: 'List releases',
  resource: 'release',
  action: 'read',
  risk: 1,
  input: z.object({ repo: repoInput }),
  list: { key: 'releases', maxPageSize: 100, columns: ['tag_name', 'name', 'draft', 'prerelease', 'published_at'] },
  examples: ['aos-github --json release list --repo octocat/Hello-World --limit 5'],
  output: releaseShape,
  run: ({ repo }, { http, settings, page }) => linkPage(http, repoPath(resolveRepo(repo, settings), 'releases'), {}, page),
});

/**
 * POST /repos/{owner}/{repo}/releases — https://docs.github.com/en/rest/releases/releases#create-a-release
 * Risk 3: a published release creates the tag if needed and notifies every watcher.
 */
export const releaseCreate = command({
  id: 'release.create',
  summary: 'Create a release (and its tag when missing)',
  resource: 'release',
  action: 'write',
  risk: 3,
  input: z.object({
    tag: z.string().min(1).describe('Tag name, e.g. v1.2.0'),
    repo: repoInput,
    name: z.string().optional().describe('Release title'),
    body: z.string().optional().describe('Release notes (Markdown)'),
    target: z.string().optional().describe('Branch or SHA the tag is created from when missing (default: the default branch)'),
    draft: z.boolean().optional().describe('Create an unpublished draft'),
    prerelease: z.boolean().optional().describe('Mark as a prerelease'),
    generate_notes: z.boolean().optional().describe('Let GitHub generate the name and notes'),
    make_latest: z.enum(['true', 'false', 'legacy']).optional().describe('Whether this becomes the latest release'),
  }),
  positionals: ['tag'],
  examples: ['aos-github --json --mode write release create v1.2.0 --name "1.2.0" --generate-notes --draft'],
  output: releaseShape,
  run: async ({ tag, repo, target, generate_notes, ...fields }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const body = defined({ tag_name: tag, target_commitish: target, ...fields, generate_release_notes: generate_notes });
    const release = await http.post<{ id: number }>(repoPath(full, 'releases'), { json: body });
    recordSideEffect({ kind: 'create', resource: 'release', id: `${full}@${tag}` });
    return release;
  },
});
