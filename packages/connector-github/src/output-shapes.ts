import * as z from 'zod';

/**
 * The documented fields of GitHub's answers that commands declare as their `output`: a useful
 * subset, checked against GitHub's OpenAPI description (@octokit/openapi, components/schemas),
 * with its optionality (`.optional()`: not in `required`) and nullability (`.nullable()`).
 * Objects stay open: every other field GitHub sends still passes through.
 */

const timestamp = (what: string) => z.string().describe(`${what} (ISO 8601)`);

/** `simple-user`. */
export const user = z
  .object({
    login: z.string().describe('Login'),
    id: z.number().int().describe('User id'),
    html_url: z.string().describe('Profile page'),
  })
  .describe('A GitHub user');

/** `label`. */
export const label = z
  .object({
    id: z.number().int().describe('Label id'),
    name: z.string().describe('Label name'),
    color: z.string().describe('6-character hex color, without the leading #'),
    description: z.string().nullable().describe('What the label is for'),
    default: z.boolean().describe('Whether the label comes by default in a new repository'),
  })
  .describe('A label');

/** The labels of `issue` and `issue-search-result-item`, which GitHub documents with no required field (`issue`: a name or an object). */
const looseLabel = z
  .object({
    id: z.number().int().optional().describe('Label id'),
    name: z.string().optional().describe('Label name'),
    color: z.string().nullable().optional().describe('6-character hex color, without the leading #'),
    description: z.string().nullable().optional().describe('What the label is for'),
  })
  .describe('A label');

/** `nullable-milestone`. */
export const milestone = z
  .object({
    id: z.number().int().describe('Milestone id'),
    number: z.number().int().describe('Milestone number'),
    title: z.string().describe('Milestone title'),
    state: z.enum(['open', 'closed']).describe('Milestone state'),
    html_url: z.string().describe('Milestone page'),
    due_on: z.string().nullable().describe('Due date (ISO 8601)'),
  })
  .nullable()
  .describe('The milestone, or null');

/** `issue.pull_request`: present only when the issue is a pull request. */
const pullRequestMarker = z
  .object({
    html_url: z.string().nullable().describe('The pull request page'),
    merged_at: z.string().nullable().optional().describe('When it was merged (ISO 8601), or null'),
  })
  .optional()
  .describe('Present only when the item is a pull request');

const issueStateReason = z.enum(['completed', 'reopened', 'not_planned', 'duplicate']).nullable().optional().describe('Why the state last changed');

/** `issue` — https://docs.github.com/en/rest/issues/issues */
export const issue = z.object({
  id: z.number().int().describe('Issue id'),
  number: z.number().int().describe('Issue number within the repository'),
  title: z.string().describe('Title'),
  state: z.string().describe('open or closed'),
  state_reason: issueStateReason,
  body: z.string().nullable().optional().describe('Body (Markdown)'),
  user: user.nullable().describe('Author'),
  labels: z.array(z.union([z.string(), looseLabel])).describe('Labels'),
  assignees: z.array(user).optional().describe('Assignees'),
  milestone,
  locked: z.boolean().describe('Whether the conversation is locked'),
  comments: z.number().int().describe('Number of comments'),
  pull_request: pullRequestMarker,
  draft: z.boolean().optional().describe('Whether the pull request is a draft (pull requests only)'),
  html_url: z.string().describe('Issue page'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
  closed_at: z.string().nullable().describe('Closed (ISO 8601), or null'),
});

/** `issue-search-result-item` — https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests */
export const issueSearchItem = z.object({
  id: z.number().int().describe('Issue id'),
  number: z.number().int().describe('Issue or pull request number'),
  title: z.string().describe('Title'),
  state: z.string().describe('open or closed'),
  state_reason: z.string().nullable().optional().describe('Why the state last changed'),
  body: z.string().optional().describe('Body (Markdown)'),
  user: user.nullable().describe('Author'),
  labels: z.array(looseLabel).describe('Labels'),
  comments: z.number().int().describe('Number of comments'),
  pull_request: pullRequestMarker,
  draft: z.boolean().optional().describe('Whether the pull request is a draft'),
  repository_url: z.string().describe('API URL of the repository'),
  html_url: z.string().describe('Issue or pull request page'),
  score: z.number().describe('Search relevance score'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
  closed_at: z.string().nullable().describe('Closed (ISO 8601), or null'),
});

/** `issue-comment`. */
export const issueComment = z.object({
  id: z.number().int().describe('Comment id'),
  body: z.string().optional().describe('Comment text (Markdown)'),
  user: user.nullable().describe('Author'),
  author_association: z.string().optional().describe('How the author is associated with the repository (OWNER, MEMBER, CONTRIBUTOR, NONE, ...)'),
  html_url: z.string().describe('Comment page'),
  issue_url: z.string().describe('API URL of the issue or pull request'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
});

/** `pull-request-simple.head` / `.base`. */
const prRef = (what: string) =>
  z
    .object({
      ref: z.string().describe('Branch name'),
      sha: z.string().describe('Commit SHA'),
      label: z.string().describe('owner:branch'),
    })
    .describe(what);

/** Fields shared by `pull-request-simple` (list) and `pull-request` (get, create). */
const pullRequestFields = {
  id: z.number().int().describe('Pull request id'),
  number: z.number().int().describe('Pull request number within the repository'),
  title: z.string().describe('Title'),
  state: z.string().describe('open or closed'),
  draft: z.boolean().optional().describe('Whether it is a draft'),
  locked: z.boolean().describe('Whether the conversation is locked'),
  body: z.string().nullable().describe('Description (Markdown)'),
  user: user.nullable().describe('Author'),
  labels: z.array(label).describe('Labels'),
  assignees: z.array(user).optional().describe('Assignees'),
  requested_reviewers: z.array(user).optional().describe('Users asked for a review'),
  milestone,
  head: prRef('The branch with the changes'),
  base: prRef('The branch it merges into'),
  author_association: z.string().describe('How the author is associated with the repository'),
  html_url: z.string().describe('Pull request page'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
  closed_at: z.string().nullable().describe('Closed (ISO 8601), or null'),
  merged_at: z.string().nullable().describe('Merged (ISO 8601), or null'),
  merge_commit_sha: z.string().nullable().describe('SHA of the merge commit (or of the test merge while open)'),
};

/** `pull-request-simple` — https://docs.github.com/en/rest/pulls/pulls#list-pull-requests */
export const pullRequestSimple = z.object(pullRequestFields);

/** `pull-request` — https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request */
export const pullRequest = z.object({
  ...pullRequestFields,
  user: user.describe('Author'),
  merged: z.boolean().describe('Whether it is merged'),
  mergeable: z.boolean().nullable().describe('Whether it can be merged; null while GitHub computes it'),
  mergeable_state: z.string().describe('clean, dirty, blocked, behind, unstable, unknown, ...'),
  merged_by: user.nullable().describe('Who merged it'),
  maintainer_can_modify: z.boolean().describe('Whether maintainers can push to the head branch'),
  comments: z.number().int().describe('Number of conversation comments'),
  review_comments: z.number().int().describe('Number of review comments'),
  commits: z.number().int().describe('Number of commits'),
  additions: z.number().int().describe('Lines added'),
  deletions: z.number().int().describe('Lines deleted'),
  changed_files: z.number().int().describe('Number of files changed'),
});

/** `pull-request-merge-result`. */
export const mergeResult = z.object({
  sha: z.string().describe('SHA of the merge commit'),
  merged: z.boolean().describe('Whether it was merged'),
  message: z.string().describe("GitHub's message, e.g. Pull Request successfully merged"),
});

/** `pull-request-review`. */
export const pullRequestReview = z.object({
  id: z.number().int().describe('Review id'),
  user: user.nullable().describe('Reviewer'),
  body: z.string().describe('Review text'),
  state: z.string().describe('APPROVED, CHANGES_REQUESTED, COMMENTED, PENDING, ...'),
  commit_id: z.string().nullable().describe('The commit reviewed'),
  author_association: z.string().describe('How the reviewer is associated with the repository'),
  html_url: z.string().describe('Review page'),
  pull_request_url: z.string().describe('API URL of the pull request'),
  submitted_at: z.string().optional().describe('Submitted (ISO 8601)'),
});

/** `diff-entry`. */
export const diffEntry = z.object({
  filename: z.string().describe('Path of the file'),
  status: z.enum(['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']).describe('What happened to the file'),
  additions: z.number().int().describe('Lines added'),
  deletions: z.number().int().describe('Lines deleted'),
  changes: z.number().int().describe('Lines changed'),
  sha: z.string().nullable().describe('Blob SHA'),
  previous_filename: z.string().optional().describe('Former path of a renamed file'),
  patch: z.string().optional().describe('The unified diff (absent for large or binary files)'),
  blob_url: z.string().describe('Page of the file at the head commit'),
  raw_url: z.string().describe('Raw file at the head commit'),
});

/** `workflow-run` — https://docs.github.com/en/rest/actions/workflow-runs */
export const workflowRun = z.object({
  id: z.number().int().describe('Run id'),
  name: z.string().nullable().optional().describe('Workflow name'),
  display_title: z.string().describe('Title of the run (commit message, PR title or run-name)'),
  run_number: z.number().int().describe('Run number within the workflow'),
  run_attempt: z.number().int().optional().describe('Attempt number, 1 unless re-run'),
  event: z.string().describe('Triggering event (push, pull_request, workflow_dispatch, ...)'),
  status: z.string().nullable().describe('queued, in_progress, completed, ...'),
  conclusion: z.string().nullable().describe('success, failure, cancelled, ...; null until completed'),
  workflow_id: z.number().int().describe('Workflow id'),
  path: z.string().describe('Path of the workflow file'),
  head_branch: z.string().nullable().describe('Branch'),
  head_sha: z.string().describe('Head commit SHA'),
  actor: user.optional().describe('Who started the run'),
  html_url: z.string().describe('Run page'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
  run_started_at: z.string().optional().describe('Latest attempt started (ISO 8601)'),
});

/** `short-branch`. */
export const branch = z.object({
  name: z.string().describe('Branch name'),
  commit: z.object({ sha: z.string().describe('Head commit SHA'), url: z.string().describe('API URL of the commit') }).describe('Head commit'),
  protected: z.boolean().describe('Whether the branch is protected'),
});

/** `git-ref`. */
export const gitRef = z.object({
  ref: z.string().describe('Full ref name, e.g. refs/heads/fix-crash'),
  node_id: z.string().describe('GraphQL node id'),
  url: z.string().describe('API URL of the ref'),
  object: z
    .object({
      type: z.string().describe('commit'),
      sha: z.string().describe('Commit SHA'),
      url: z.string().describe('API URL of the commit'),
    })
    .describe('What the ref points at'),
});

/** `release` — https://docs.github.com/en/rest/releases/releases */
export const release = z.object({
  id: z.number().int().describe('Release id'),
  tag_name: z.string().describe('Tag name'),
  target_commitish: z.string().describe('Branch or SHA the tag is created from'),
  name: z.string().nullable().describe('Release title'),
  body: z.string().nullable().optional().describe('Release notes (Markdown)'),
  draft: z.boolean().describe('Whether it is an unpublished draft'),
  prerelease: z.boolean().describe('Whether it is a prerelease'),
  author: user.describe('Who created it'),
  html_url: z.string().describe('Release page'),
  tarball_url: z.string().nullable().describe('Source tarball'),
  zipball_url: z.string().nullable().describe('Source zip'),
  assets: z
    .array(
      z.object({
        id: z.number().int().describe('Asset id'),
        name: z.string().describe('File name'),
        content_type: z.string().describe('MIME type'),
        size: z.number().int().describe('Size in bytes'),
        download_count: z.number().int().describe('Downloads'),
        browser_download_url: z.string().describe('Download URL'),
      }),
    )
    .describe('Uploaded files'),
  created_at: timestamp('Created'),
  published_at: z.string().nullable().describe('Published (ISO 8601), or null for a draft'),
});

/** `full-repository` (repo get) — https://docs.github.com/en/rest/repos/repos#get-a-repository */
export const fullRepository = z.object({
  id: z.number().int().describe('Repository id'),
  name: z.string().describe('Name'),
  full_name: z.string().describe('owner/name'),
  owner: user.describe('Owner'),
  private: z.boolean().describe('Whether it is private'),
  visibility: z.string().optional().describe('public, private or internal'),
  fork: z.boolean().describe('Whether it is a fork'),
  archived: z.boolean().describe('Whether it is archived'),
  description: z.string().nullable().describe('Description'),
  language: z.string().nullable().describe('Main language'),
  topics: z.array(z.string()).optional().describe('Topics'),
  default_branch: z.string().describe('Default branch'),
  stargazers_count: z.number().int().describe('Stars'),
  forks_count: z.number().int().describe('Forks'),
  open_issues_count: z.number().int().describe('Open issues and pull requests'),
  html_url: z.string().describe('Repository page'),
  clone_url: z.string().describe('HTTPS clone URL'),
  ssh_url: z.string().describe('SSH clone URL'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
  pushed_at: timestamp('Last pushed'),
});

/**
 * `repository` (GET /user/repos) or `minimal-repository` (GET /users/{username}/repos,
 * GET /orgs/{org}/repos): a field is optional when `minimal-repository` may omit it.
 */
export const listedRepository = z.object({
  id: z.number().int().describe('Repository id'),
  name: z.string().describe('Name'),
  full_name: z.string().describe('owner/name'),
  owner: user.describe('Owner'),
  private: z.boolean().describe('Whether it is private'),
  visibility: z.string().optional().describe('public, private or internal'),
  fork: z.boolean().describe('Whether it is a fork'),
  archived: z.boolean().optional().describe('Whether it is archived'),
  description: z.string().nullable().describe('Description'),
  language: z.string().nullable().optional().describe('Main language'),
  topics: z.array(z.string()).optional().describe('Topics'),
  default_branch: z.string().optional().describe('Default branch'),
  stargazers_count: z.number().int().optional().describe('Stars'),
  forks_count: z.number().int().optional().describe('Forks'),
  open_issues_count: z.number().int().optional().describe('Open issues and pull requests'),
  html_url: z.string().describe('Repository page'),
  clone_url: z.string().optional().describe('HTTPS clone URL'),
  created_at: z.string().nullable().optional().describe('Created (ISO 8601)'),
  updated_at: z.string().nullable().optional().describe('Last updated (ISO 8601)'),
  pushed_at: z.string().nullable().optional().describe('Last pushed (ISO 8601)'),
});

/** `private-user` / `public-user` (GET /user). */
export const authenticatedUser = z.object({
  login: z.string().describe('Login'),
  id: z.number().int().describe('User id'),
  type: z.string().describe('User, Organization or Bot'),
  name: z.string().nullable().describe('Display name'),
  email: z.string().nullable().describe('Public email'),
  company: z.string().nullable().describe('Company'),
  location: z.string().nullable().describe('Location'),
  bio: z.string().nullable().describe('Bio'),
  public_repos: z.number().int().describe('Public repositories'),
  followers: z.number().int().describe('Followers'),
  following: z.number().int().describe('Users followed'),
  html_url: z.string().describe('Profile page'),
  created_at: timestamp('Created'),
  updated_at: timestamp('Last updated'),
});

/** One entry of `content-directory`. */
const contentEntry = z.object({
  type: z.enum(['dir', 'file', 'submodule', 'symlink']).describe('Entry type'),
  name: z.string().describe('File name'),
  path: z.string().describe('Path in the repository'),
  sha: z.string().describe('Blob or tree SHA'),
  size: z.number().int().describe('Size in bytes'),
  html_url: z.string().nullable().describe('Page of the entry'),
  download_url: z.string().nullable().describe('Raw download URL (files)'),
});

/**
 * What `content get` returns: GitHub's `content-file` with `content` decoded (`encoding` then
 * says `utf-8`, or `base64` with `binary: true`), `content-symlink` or `content-submodule` as
 * GitHub sends them, or for a directory `{type: "dir", path, entries}` built by the connector.
 */
export const content = z.object({
  type: z.enum(['file', 'dir', 'symlink', 'submodule']).describe('What the path is'),
  path: z.string().describe('Path in the repository ("" for the root)'),
  name: z.string().optional().describe('File name (not for a directory)'),
  sha: z.string().optional().describe('Blob SHA (not for a directory)'),
  size: z.number().int().optional().describe('Size in bytes (not for a directory)'),
  encoding: z.string().optional().describe('A file: utf-8 (content is text) or base64 (binary content)'),
  content: z.string().optional().describe('A file: its content'),
  binary: z.boolean().optional().describe('A file: true when content stays base64 because it is not UTF-8 text'),
  target: z.string().optional().describe('A symlink: its target'),
  submodule_git_url: z.string().optional().describe('A submodule: its git URL'),
  html_url: z.string().nullable().optional().describe('Page of the file (not for a directory)'),
  download_url: z.string().nullable().optional().describe('Raw download URL (not for a directory)'),
  entries: z.array(contentEntry).optional().describe('A directory: its entries'),
});
