import * as z from 'zod';
import { command, linkPage } from '@aos-connectors/core';
import { numberInput } from '../inputs.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { label } from '../output-shapes.js';

/** GET /repos/{owner}/{repo}/labels — https://docs.github.com/en/rest/issues/labels#list-labels-for-a-repository */
export const labelList = command({
  id: 'label.list',
  summary: 'List the labels of a repository',
  resource: 'label',
  action: 'read',
  risk: 1,
  input: z.object({ repo: repoInput }),
  list: { key: 'labels', maxPageSize: 100, columns: ['name', 'color', 'description'] },
  examples: ['aos-github --json label list --all'],
  output: label,
  run: ({ repo }, { http, settings, page }) => linkPage(http, repoPath(resolveRepo(repo, settings), 'labels'), {}, page),
});

/**
 * POST /repos/{owner}/{repo}/issues/{issue_number}/labels — https://docs.github.com/en/rest/issues/labels#add-labels-to-an-issue
 * Adds to the existing labels (labels GitHub does not know yet are created); returns the labels.
 */
export const labelAdd = command({
  id: 'label.add',
  summary: 'Add labels to an issue or pull request',
  resource: 'label',
  action: 'write',
  risk: 2,
  input: z.object({
    number: numberInput('Issue or pull request'),
    labels: z.array(z.string().min(1)).min(1).describe('Labels to add (positional, repeatable or comma-separated)'),
    repo: repoInput,
  }),
  positionals: ['number', 'labels'],
  examples: ['aos-github --json --mode write label add 42 bug needs-triage'],
  output: z.object({ labels: z.array(label).describe('All the labels of the issue or pull request now') }),
  run: async ({ number, labels, repo }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const current = await http.post<unknown[]>(repoPath(full, 'issues', number, 'labels'), { json: { labels } });
    recordSideEffect({ kind: 'update', resource: 'issue', id: `${full}#${number}` });
    return { labels: current };
  },
});
