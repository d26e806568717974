import * as z from 'zod';

/**
 * The fields of GitHub's answers that commands read (https://docs.github.com/en/rest). Passed as
 * `expect` on the request: a 200 without them is GitHub's unexpected answer, BACKEND_UNAVAILABLE
 * with `details.expected`, instead of a TypeError (INTERNAL_ERROR) or an `undefined` in an id.
 */
export const shapes = {
  repo: z.object({ default_branch: z.string() }).describe('a repository with default_branch'),
  ref: z.object({ object: z.object({ sha: z.string() }) }).describe('a git ref with object.sha'),
  numbered: z.object({ number: z.number() }).describe('an issue or pull request with number'),
  withId: z.object({ id: z.number() }).describe('a resource with id'),
};
