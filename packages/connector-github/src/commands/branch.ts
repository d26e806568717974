import * as z from 'zod';
import { command, linkPage, UsageError, type CommandContext } from '@aos-connectors/core';
import { shapes } from '../shapes.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { branch as branchShape, gitRef } from '../output-shapes.js';

/** Git's ref name rules (git check-ref-format), without the `refs/heads/` prefix. */
const isBranchName = (name: string) =>
  !/[\x00-\x20\x7f~^:?*[\\]|\.\.|\/\/|@\{|^[/.]|\/\.|[/.]$|\.lock$|^refs\//.test(name) && name !== '@';
const branchName = z.string().min(1).refine(isBranchName, 'expected a git branch name, without "refs/heads/"');
const sha = z.string().regex(/^[0-9a-f]{40}$/, 'expected a 40-character commit SHA');

/** GET /repos/{owner}/{repo}/branches — https://docs.github.com/en/rest/branches/branches#list-branches */
export const branchList = command({
  id: 'branch.list',
  summary: 'List branches',
  resource: 'branch',
  action: 'read',
  risk: 1,
  input: z.object({
    repo: repoInput,
    protected: z.boolean().optional().describe('Only protected branches'),
  }),
  list: { key: 'branches', maxPageSize: 100, columns: ['name', 'protected', 'commit.sha'] },
  examples: ['aos-github --json branch list --repo octocat/Hello-World --protected'],
  output: branchShape,
  run: ({ repo, protected: onlyProtected }, { http, settings, page }) =>
    linkPage(http, repoPath(resolveRepo(repo, settings), 'branches'), { protected: onlyProtected }, page),
});

/**
 * POST /repos/{owner}/{repo}/git/refs — https://docs.github.com/en/rest/git/refs#create-a-reference
 * The new branch points at --sha, or at the head of --from (default: the repository's default
 * branch), read first with GET /repos/{owner}/{repo}/git/ref/heads/{branch}
 * (https://docs.github.com/en/rest/git/refs#get-a-reference). A dry run sends nothing, so it
 * shows that SHA as a placeholder naming the branch it would be read from.
 */
export const branchCreate = command({
  id: 'branch.create',
  summary: 'Create a branch from another branch or a commit',
  resource: 'branch',
  action: 'write',
  risk: 2,
  input: z.object({
    name: branchName.describe('Name of the new branch'),
    repo: repoInput,
    from: branchName.optional().describe('Branch to start from (default: the default branch)'),
    sha: sha.optional().describe('Commit to start from (instead of --from)'),
  }),
  positionals: ['name'],
  examples: ['aos-github --json --mode write branch create fix-crash --from main'],
  output: gitRef,
  run: async ({ name, repo, from, sha: given }, ctx) => {
    if (from && given) throw new UsageError('Give --from or --sha, not both');
    const full = resolveRepo(repo, ctx.settings);
    const start = given ?? (await headOf(full, from, ctx));
    const ref = await ctx.http.post<{ ref: string }>(repoPath(full, 'git', 'refs'), { json: { ref: `refs/heads/${name}`, sha: start } });
    ctx.recordSideEffect({ kind: 'create', resource: 'branch', id: `${full}:${name}` });
    return ref;
  },
});

/** What `branch delete` returns (GitHub answers 204 with no body). */
const deleteOutput = z.object({
  deleted: z.literal(true).describe('The branch was deleted'),
  repo: z.string().describe('owner/name'),
  branch: z.string().describe('The deleted branch'),
  ref: z.string().describe('Its full ref, refs/heads/<branch>'),
});

/** DELETE /repos/{owner}/{repo}/git/refs/heads/{branch} — https://docs.github.com/en/rest/git/refs#delete-a-reference */
export const branchDelete = command({
  id: 'branch.delete',
  summary: 'Delete a branch',
  resource: 'branch',
  action: 'destructive',
  risk: 4,
  input: z.object({ name: branchName.describe('Branch to delete'), repo: repoInput }),
  positionals: ['name'],
  examples: ['aos-github --json --mode admin branch delete fix-crash'],
  output: deleteOutput,
  run: async ({ name, repo }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    await http.delete(repoPath(full, 'git', 'refs', 'heads', ...name.split('/')));
    recordSideEffect({ kind: 'delete', resource: 'branch', id: `${full}:${name}` });
    return { deleted: true, repo: full, branch: name, ref: `refs/heads/${name}` };
  },
});

/** The commit a branch points at; the default branch when none is named. */
async function headOf(repo: string, branch: string | undefined, { http, dryRun }: CommandContext): Promise<string> {
  if (dryRun) return `<sha of ${branch ?? 'the default branch'}>`;
  const name = branch ?? (await http.get<{ default_branch: string }>(repoPath(repo), { expect: shapes.repo })).default_branch;
  const ref = await http.get<{ object: { sha: string } }>(repoPath(repo, 'git', 'ref', 'heads', ...name.split('/')), { expect: shapes.ref });
  return ref.object.sha;
}
