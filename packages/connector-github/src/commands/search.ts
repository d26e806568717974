import * as z from 'zod';
import { command, linkPage } from '@aos-connectors/core';
import { repoName } from '../repo-ref.js';
import { issueSearchItem } from '../output-shapes.js';

interface SearchPage {
  total_count: number;
  incomplete_results: boolean;
  items: unknown[];
}

const SORTS = [
  'comments', 'reactions', 'reactions-+1', 'reactions--1', 'reactions-smile', 'reactions-thinking_face',
  'reactions-heart', 'reactions-tada', 'interactions', 'created', 'updated',
] as const;

/**
 * GET /search/issues — https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests
 * Searches all of GitHub; --repo narrows it with a `repo:` qualifier and, unlike elsewhere, is
 * not taken from GITHUB_OWNER/GITHUB_REPO. GitHub serves at most 1000 results per query.
 */
export const searchIssues = command({
  id: 'search.issues',
  summary: 'Search issues and pull requests with GitHub search syntax',
  resource: 'issue',
  action: 'read',
  risk: 1,
  input: z.object({
    query: z.string().min(1).describe('Search query, e.g. "is:open label:bug author:octocat"'),
    repo: repoName.optional().describe('Limit to one repository (adds repo:owner/name to the query)'),
    sort: z.enum(SORTS).optional().describe('Sort field (default: best match)'),
    order: z.enum(['asc', 'desc']).optional().describe('Sort order, when --sort is given'),
  }),
  positionals: ['query'],
  list: { key: 'items', maxPageSize: 100, columns: ['number', 'state', 'title', 'repository_url'] },
  examples: ['aos-github --json search issues "is:issue is:open label:bug" --repo octocat/Hello-World'],
  output: issueSearchItem,
  run: ({ query, repo, sort, order }, { http, page, log }) =>
    linkPage(http, '/search/issues', { q: repo ? `${query} repo:${repo}` : query, sort, order }, page, {
      items: (body) => {
        const { items, incomplete_results, total_count } = body as SearchPage;
        log(`search: ${total_count} results${incomplete_results ? ' (incomplete: GitHub timed out before finishing)' : ''}`);
        return items;
      },
    }),
});
