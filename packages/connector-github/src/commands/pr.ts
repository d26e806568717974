import * as z from 'zod';
import { command, ConflictError, isAosError, linkPage } from '@aos-connectors/core';
import { defined, directionInput, numberInput } from '../inputs.js';
import { shapes } from '../shapes.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { diffEntry, mergeResult, pullRequest, pullRequestReview, pullRequestSimple } from '../output-shapes.js';

const PR_COLUMNS = ['number', 'state', 'title', 'head.ref', 'base.ref', 'user.login'];

/** GET /repos/{owner}/{repo}/pulls — https://docs.github.com/en/rest/pulls/pulls#list-pull-requests */
export const prList = command({
  id: 'pr.list',
  summary: 'List pull requests',
  resource: 'pull_request',
  action: 'read',
  risk: 1,
  input: z.object({
    repo: repoInput,
    state: z.enum(['open', 'closed', 'all']).optional().describe('Pull request state (GitHub default: open)'),
    head: z.string().optional().describe('Head as user:branch or org:branch'),
    base: z.string().optional().describe('Base branch name'),
    sort: z.enum(['created', 'updated', 'popularity', 'long-running']).optional().describe('Sort field'),
    direction: directionInput,
  }),
  list: { key: 'pull_requests', maxPageSize: 100, columns: PR_COLUMNS },
  examples: ['aos-github --json pr list --repo octocat/Hello-World --state open --base main'],
  output: pullRequestSimple,
  run: ({ repo, state, head, base, sort, direction }, { http, settings, page }) =>
    linkPage(http, repoPath(resolveRepo(repo, settings), 'pulls'), { state, head, base, sort, direction }, page),
});

/** GET /repos/{owner}/{repo}/pulls/{pull_number} — https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request */
export const prGet = command({
  id: 'pr.get',
  summary: 'Get a pull request',
  resource: 'pull_request',
  action: 'read',
  risk: 1,
  input: z.object({ number: numberInput('Pull request'), repo: repoInput }),
  positionals: ['number'],
  examples: ['aos-github --json pr get 7 --repo octocat/Hello-World'],
  output: pullRequest,
  run: ({ number, repo }, { http, settings }) => http.get(repoPath(resolveRepo(repo, settings), 'pulls', number)),
});

/** POST /repos/{owner}/{repo}/pulls — https://docs.github.com/en/rest/pulls/pulls#create-a-pull-request */
export const prCreate = command({
  id: 'pr.create',
  summary: 'Open a pull request',
  resource: 'pull_request',
  action: 'write',
  risk: 2,
  input: z.object({
    repo: repoInput,
    title: z.string().min(1).describe('Pull request title'),
    head: z.string().min(1).describe('Branch with the changes (user:branch for a fork)'),
    base: z.string().min(1).describe('Branch to merge into'),
    body: z.string().optional().describe('Description (Markdown)'),
    draft: z.boolean().optional().describe('Open as a draft'),
    maintainer_can_modify: z.boolean().optional().describe('Let maintainers push to the head branch'),
  }),
  examples: ['aos-github --json --mode write pr create --title "Fix crash" --head fix-crash --base main'],
  output: pullRequest,
  run: async ({ repo, ...fields }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const pr = await http.post<{ number: number }>(repoPath(full, 'pulls'), { json: defined(fields), expect: shapes.numbered });
    recordSideEffect({ kind: 'create', resource: 'pull_request', id: `${full}#${pr.number}` });
    return pr;
  },
});

/**
 * PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge — https://docs.github.com/en/rest/pulls/pulls#merge-a-pull-request
 * GitHub answers 405 when the pull request cannot be merged (checks, reviews, conflicts): that is
 * the resource's state, not a backend failure, so it becomes CONFLICT like the 409 of --sha.
 */
export const prMerge = command({
  id: 'pr.merge',
  summary: 'Merge a pull request',
  resource: 'pull_request',
  action: 'destructive',
  risk: 4,
  input: z.object({
    number: numberInput('Pull request'),
    repo: repoInput,
    method: z.enum(['merge', 'squash', 'rebase']).optional().describe('Merge method (GitHub default: merge)'),
    commit_title: z.string().optional().describe('Title of the merge commit'),
    commit_message: z.string().optional().describe('Extra detail for the merge commit message'),
    sha: z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-character commit SHA').optional().describe('Merge only if the head is still this SHA'),
  }),
  positionals: ['number'],
  examples: ['aos-github --json --mode admin pr merge 7 --method squash --sha 6dcb09b5b57875f334f61aebed695e2e4193db5e'],
  output: mergeResult,
  run: async ({ number, repo, method, ...fields }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    try {
      const result = await http.put(repoPath(full, 'pulls', number, 'merge'), { json: defined({ ...fields, merge_method: method }) });
      recordSideEffect({ kind: 'merge', resource: 'pull_request', id: `${full}#${number}` });
      return result;
    } catch (error) {
      if (isAosError(error) && error.details.http_status === 405) {
        throw new ConflictError(error.message.replace('failed (HTTP 405)', 'cannot be merged (HTTP 405)'), { details: error.details, cause: error });
      }
      throw error;
    }
  },
});

/** POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews — https://docs.github.com/en/rest/pulls/reviews#create-a-review-for-a-pull-request */
export const prReview = command({
  id: 'pr.review',
  summary: 'Review a pull request: approve, request changes or comment',
  resource: 'pull_request_review',
  action: 'write',
  risk: 2,
  input: z.object({
    number: numberInput('Pull request'),
    repo: repoInput,
    event: z.enum(['APPROVE', 'REQUEST_CHANGES', 'COMMENT']).describe('The review action'),
    body: z.string().optional().describe('Review text (required by GitHub for REQUEST_CHANGES and COMMENT)'),
    commit_id: z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-character commit SHA').optional().describe('Commit to review (default: the latest)'),
  }),
  positionals: ['number'],
  examples: ['aos-github --json --mode write pr review 7 --event APPROVE --body "LGTM"'],
  output: pullRequestReview,
  run: async ({ number, repo, ...fields }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const review = await http.post<{ id: number }>(repoPath(full, 'pulls', number, 'reviews'), { json: defined(fields), expect: shapes.withId });
    recordSideEffect({ kind: 'create', resource: 'pull_request_review', id: `${full}#${number}/${review.id}` });
    return review;
  },
});

/** GET /repos/{owner}/{repo}/pulls/{pull_number}/files — https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files */
export const prFiles = command({
  id: 'pr.files',
  summary: 'List the files a pull request changes (at most 3000)',
  resource: 'pull_request',
  action: 'read',
  risk: 1,
  input: z.object({ number: numberInput('Pull request'), repo: repoInput }),
  positionals: ['number'],
  list: { key: 'files', maxPageSize: 100, columns: ['status', 'additions', 'deletions', 'filename'] },
  examples: ['aos-github --json pr files 7 --all'],
  output: diffEntry,
  run: ({ number, repo }, { http, settings, page }) => linkPage(http, repoPath(resolveRepo(repo, settings), 'pulls', number, 'files'), {}, page),
});
