import * as z from 'zod';
import { command, linkPage, UsageError } from '@aos-connectors/core';
import { defined, directionInput, namesInput, numberInput, sinceInput } from '../inputs.js';
import { shapes } from '../shapes.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { issue as issueShape, issueComment as commentShape } from '../output-shapes.js';

interface Issue {
  number: number;
  html_url: string;
  /** Present only on pull requests: https://docs.github.com/en/rest/issues/issues#list-repository-issues */
  pull_request?: unknown;
}

const ISSUE_COLUMNS = ['number', 'state', 'title', 'user.login', 'updated_at'];

/**
 * GET /repos/{owner}/{repo}/issues — https://docs.github.com/en/rest/issues/issues#list-repository-issues
 * GitHub counts every pull request as an issue and returns both here, marking pull requests with
 * a `pull_request` key. They are dropped unless --include-prs is given (use `pr list` for them),
 * so a page can hold fewer items than asked; the list runner then reads on.
 */
export const issueList = command({
  id: 'issue.list',
  summary: 'List issues in a repository (pull requests excluded unless --include-prs)',
  resource: 'issue',
  action: 'read',
  risk: 1,
  input: z.object({
    repo: repoInput,
    state: z.enum(['open', 'closed', 'all']).optional().describe('Issue state (GitHub default: open)'),
    labels: namesInput('Only issues with all of these labels'),
    assignee: z.string().optional().describe('Assignee login, "none" or "*"'),
    creator: z.string().optional().describe('Creator login'),
    mentioned: z.string().optional().describe('Login mentioned in the issue'),
    milestone: z.string().optional().describe('Milestone number, "none" or "*"'),
    sort: z.enum(['created', 'updated', 'comments']).optional().describe('Sort field'),
    direction: directionInput,
    since: sinceInput,
    include_prs: z.boolean().default(false).describe('Keep pull requests, which GitHub lists as issues'),
  }),
  list: { key: 'issues', maxPageSize: 100, columns: ISSUE_COLUMNS },
  examples: ['aos-github --json issue list --repo octocat/Hello-World --state open --labels bug --limit 20'],
  output: issueShape,
  run: async (input, { http, settings, page }) => {
    const { state, assignee, creator, mentioned, milestone, sort, direction, since } = input;
    const query = { state, labels: input.labels?.join(','), assignee, creator, mentioned, milestone, sort, direction, since };
    const result = await linkPage<Issue>(http, repoPath(resolveRepo(input.repo, settings), 'issues'), query, page);
    return input.include_prs ? result : { ...result, items: result.items.filter((item) => item.pull_request === undefined) };
  },
});

/** GET /repos/{owner}/{repo}/issues/{issue_number} — https://docs.github.com/en/rest/issues/issues#get-an-issue */
export const issueGet = command({
  id: 'issue.get',
  summary: 'Get an issue',
  resource: 'issue',
  action: 'read',
  risk: 1,
  input: z.object({ number: numberInput('Issue'), repo: repoInput }),
  positionals: ['number'],
  examples: ['aos-github --json issue get 42 --repo octocat/Hello-World'],
  output: issueShape,
  run: ({ number, repo }, { http, settings }) => http.get(repoPath(resolveRepo(repo, settings), 'issues', number)),
});

/** POST /repos/{owner}/{repo}/issues — https://docs.github.com/en/rest/issues/issues#create-an-issue */
export const issueCreate = command({
  id: 'issue.create',
  summary: 'Create an issue',
  resource: 'issue',
  action: 'write',
  risk: 2,
  input: z.object({
    repo: repoInput,
    title: z.string().min(1).describe('Issue title'),
    body: z.string().optional().describe('Issue body (Markdown)'),
    labels: namesInput('Labels to set'),
    assignees: namesInput('Logins to assign'),
    milestone: z.number().int().positive().optional().describe('Milestone number'),
  }),
  examples: ['aos-github --json --mode write issue create --repo octocat/Hello-World --title "Crash on start" --labels bug'],
  output: issueShape,
  run: async ({ repo, ...fields }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const issue = await http.post<Issue>(repoPath(full, 'issues'), { json: defined(fields), expect: shapes.numbered });
    recordSideEffect({ kind: 'create', resource: 'issue', id: `${full}#${issue.number}` });
    return issue;
  },
});

/** PATCH /repos/{owner}/{repo}/issues/{issue_number} — https://docs.github.com/en/rest/issues/issues#update-an-issue */
export const issueUpdate = command({
  id: 'issue.update',
  summary: 'Update an issue: title, body, state, labels, assignees, milestone',
  resource: 'issue',
  action: 'write',
  risk: 2,
  input: z.object({
    number: numberInput('Issue'),
    repo: repoInput,
    title: z.string().min(1).optional().describe('New title'),
    body: z.string().optional().describe('New body (Markdown)'),
    state: z.enum(['open', 'closed']).optional().describe('Open or close the issue'),
    state_reason: z.enum(['completed', 'not_planned', 'duplicate', 'reopened']).optional().describe('Why the state changed'),
    labels: namesInput('Labels that replace the current ones'),
    assignees: namesInput('Logins that replace the current assignees'),
    milestone: z.number().int().positive().optional().describe('Milestone number'),
  }),
  positionals: ['number'],
  examples: ['aos-github --json --mode write issue update 42 --state closed --state-reason completed'],
  output: issueShape,
  run: async ({ number, repo, ...fields }, { http, settings, recordSideEffect }) => {
    const body = defined(fields);
    if (Object.keys(body).length === 0) throw new UsageError('issue.update needs at least one field to change (e.g. --title, --state, --labels)');
    const full = resolveRepo(repo, settings);
    const issue = await http.patch<Issue>(repoPath(full, 'issues', number), { json: body });
    recordSideEffect({ kind: 'update', resource: 'issue', id: `${full}#${number}` });
    return issue;
  },
});

/** POST /repos/{owner}/{repo}/issues/{issue_number}/comments — https://docs.github.com/en/rest/issues/comments#create-an-issue-comment */
export const issueComment = command({
  id: 'issue.comment',
  summary: 'Comment on an issue or pull request',
  resource: 'issue_comment',
  action: 'write',
  risk: 2,
  input: z.object({
    number: numberInput('Issue or pull request'),
    repo: repoInput,
    body: z.string().min(1).describe('Comment text (Markdown)'),
  }),
  positionals: ['number'],
  examples: ['aos-github --json --mode write issue comment 42 --body "Fixed in #43"'],
  output: commentShape,
  run: async ({ number, repo, body }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const comment = await http.post<{ id: number }>(repoPath(full, 'issues', number, 'comments'), { json: { body }, expect: shapes.withId });
    recordSideEffect({ kind: 'create', resource: 'issue_comment', id: `${full}#${number}/${comment.id}` });
    return comment;
  },
});

/** GET /repos/{owner}/{repo}/issues/{issue_number}/comments — https://docs.github.com/en/rest/issues/comments#list-issue-comments */
export const issueComments = command({
  id: 'issue.comments',
  summary: 'List the comments on an issue or pull request',
  resource: 'issue_comment',
  action: 'read',
  risk: 1,
  input: z.object({ number: numberInput('Issue or pull request'), repo: repoInput, since: sinceInput }),
  positionals: ['number'],
  list: { key: 'comments', maxPageSize: 100, columns: ['id', 'user.login', 'created_at', 'body'] },
  examples: ['aos-github --json issue comments 42 --all'],
  output: commentShape,
  run: ({ number, repo, since }, { http, settings, page }) =>
    linkPage(http, repoPath(resolveRepo(repo, settings), 'issues', number, 'comments'), { since }, page),
});
