import { defineConnector } from '@aos-connectors/core';
import { actionsGetRun, actionsListRuns, actionsTrigger } from './commands/actions.js';
import { branchCreate, branchDelete, branchList } from './commands/branch.js';
import { contentGet } from './commands/content.js';
import { issueComment, issueComments, issueCreate, issueGet, issueList, issueUpdate } from './commands/issue.js';
import { labelAdd, labelList } from './commands/label.js';
import { prCreate, prFiles, prGet, prList, prMerge, prReview } from './commands/pr.js';
import { releaseCreate, releaseList } from './commands/release.js';
import { repoGet, repoList } from './commands/repo.js';
import { searchIssues } from './commands/search.js';
import { userMe } from './commands/user.js';
import { mapGitHubError } from './errors.js';
import { githubHttp, GITHUB_API_URL } from './http-profile.js';

export const github = defineConnector({
  tool: 'aos-github',
  root: new URL('..', import.meta.url),
  backend: 'github-api',
  label: 'GitHub',
  category: 'developer-tools',
  categories: ['developer-tools', 'source-control', 'ci-cd'],
  description: 'GitHub for agents: repositories, issues, pull requests, branches, Actions and releases.',
  auth: {
    kind: 'service-key',
    required: true,
    interactive_setup: [
      'Create a fine-grained personal access token at https://github.com/settings/tokens with access to the repositories the agent needs.',
      'Set GITHUB_TOKEN (or GH_TOKEN) in the environment the agent host injects.',
    ],
  },
  secrets: [{ name: 'GITHUB_TOKEN', aliases: ['GH_TOKEN'], description: 'Personal access token or GitHub App installation token' }],
  settings: [
    { name: 'GITHUB_API_URL', default: GITHUB_API_URL, description: 'REST API base URL (GitHub Enterprise Server: https://HOST/api/v3)' },
    { name: 'GITHUB_OWNER', description: 'Default repository owner for --repo' },
    { name: 'GITHUB_REPO', description: 'Default repository name for --repo' },
  ],
  http: githubHttp,
  // GET /user — https://docs.github.com/en/rest/users/users#get-the-authenticated-user
  health: async ({ http }) => ({ detail: `authenticated as ${(await http.get<{ login: string }>('/user')).login}` }),
  mapError: mapGitHubError,
  commands: [
    repoList, repoGet,
    issueList, issueGet, issueCreate, issueUpdate, issueComment, issueComments,
    prList, prGet, prCreate, prMerge, prReview, prFiles,
    branchList, branchCreate, branchDelete,
    actionsListRuns, actionsGetRun, actionsTrigger,
    releaseList, releaseCreate,
    labelList, labelAdd,
    searchIssues,
    contentGet,
    userMe,
  ],
});

export default github;
