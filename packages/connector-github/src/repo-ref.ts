import * as z from 'zod';
import { UsageError, type Settings } from '@aos-connectors/core';

/** owner/name, in the characters GitHub allows in account and repository names. */
export const repoName = z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'expected owner/name');

/** `--repo owner/name`, like gh; falls back to GITHUB_OWNER / GITHUB_REPO. */
export const repoInput = repoName
  .optional()
  .describe('Repository as owner/name (default: GITHUB_OWNER/GITHUB_REPO)');

export function resolveRepo(repo: string | undefined, settings: Settings): string {
  if (repo) return repo;
  const owner = settings.get('GITHUB_OWNER');
  const name = settings.get('GITHUB_REPO');
  if (owner && name) return `${owner}/${name}`;
  throw new UsageError('No repository given: pass --repo owner/name or set GITHUB_OWNER and GITHUB_REPO');
}

/** A path under /repos/{owner}/{repo}, with each segment encoded. */
export function repoPath(repo: string, ...rest: (string | number)[]): string {
  const [owner, name] = repo.split('/') as [string, string];
  return ['/repos', encodeURIComponent(owner), encodeURIComponent(name), ...rest.map((s) => encodeURIComponent(String(s)))].join('/');
}
