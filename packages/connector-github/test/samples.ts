/**
 * Valid arguments for every command (argv words after the command path), shared by the
 * conformance suite and the gating tests. With GITHUB_OWNER/GITHUB_REPO unset, each names its
 * repository, so each is a complete call.
 */
export const REPO_ARGS = ['--repo', 'octocat/Hello-World'];
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

export const samples: Record<string, string[]> = {
  'repo.list': ['--owner', 'octocat', '--limit', '5'],
  'repo.get': ['octocat/Hello-World'],
  'issue.list': [...REPO_ARGS, '--state', 'open'],
  'issue.get': ['1347', ...REPO_ARGS],
  'issue.create': [...REPO_ARGS, '--title', 'Found a bug', '--body', 'It crashes', '--labels', 'bug'],
  'issue.update': ['1347', ...REPO_ARGS, '--state', 'closed', '--state-reason', 'completed'],
  'issue.comment': ['1347', ...REPO_ARGS, '--body', 'Me too'],
  'issue.comments': ['1347', ...REPO_ARGS],
  'pr.list': [...REPO_ARGS, '--state', 'open'],
  'pr.get': ['1347', ...REPO_ARGS],
  'pr.create': [...REPO_ARGS, '--title', 'Amazing new feature', '--head', 'new-feature', '--base', 'master'],
  'pr.merge': ['1347', ...REPO_ARGS, '--method', 'squash', '--sha', SHA],
  'pr.review': ['1347', ...REPO_ARGS, '--event', 'APPROVE', '--body', 'LGTM'],
  'pr.files': ['1347', ...REPO_ARGS],
  'branch.list': [...REPO_ARGS],
  'branch.create': ['featureA', ...REPO_ARGS, '--sha', SHA],
  'branch.delete': ['featureA', ...REPO_ARGS],
  'actions.list_runs': [...REPO_ARGS, '--workflow', 'ci.yml'],
  'actions.get_run': ['30433642', ...REPO_ARGS],
  'actions.trigger': ['deploy.yml', ...REPO_ARGS, '--ref', 'main', '--inputs', '{"env":"staging"}'],
  'release.list': [...REPO_ARGS],
  'release.create': ['v1.0.0', ...REPO_ARGS, '--name', 'v1.0.0', '--draft'],
  'label.list': [...REPO_ARGS],
  'label.add': ['1347', 'bug', 'enhancement', ...REPO_ARGS],
  'search.issues': ['is:open label:bug', '--repo', 'octocat/Hello-World'],
  'content.get': ['README.md', ...REPO_ARGS, '--ref', 'main'],
  'user.me': [],
};
