import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { content as contentShape } from '../output-shapes.js';

interface ContentEntry {
  type: string;
  path: string;
  encoding?: string;
  content?: string;
  [key: string]: unknown;
}

/**
 * GET /repos/{owner}/{repo}/contents/{path} — https://docs.github.com/en/rest/repos/contents#get-repository-content
 * A file comes base64-encoded; it is returned decoded, with `encoding` saying what `content`
 * now holds: `utf-8` text, or `base64` when the bytes are not UTF-8 text (then `binary: true`).
 * A directory (GitHub answers with an array) becomes `{type: "dir", path, entries}`. Without a
 * path GitHub lists the repository's root, as it documents.
 */
export const contentGet = command({
  id: 'content.get',
  summary: 'Get a file (decoded) or list a directory',
  resource: 'content',
  action: 'read',
  risk: 1,
  input: z.object({
    path: z.string().default('').describe('File or directory path (default: the repository root)'),
    repo: repoInput,
    ref: z.string().min(1).optional().describe('Branch, tag or commit (default: the default branch)'),
  }),
  positionals: ['path'],
  examples: ['aos-github --json content get README.md --repo octocat/Hello-World --ref main'],
  output: contentShape,
  run: async ({ path, repo, ref }, { http, settings }) => {
    const segments = path.split('/').filter(Boolean);
    const body = await http.get<ContentEntry | ContentEntry[]>(repoPath(resolveRepo(repo, settings), 'contents', ...(segments.length ? segments : [''])), {
      query: { ref },
    });
    if (Array.isArray(body)) return { type: 'dir', path: segments.join('/'), entries: body };
    return body.type === 'file' ? decodeFile(body) : body;
  },
});

/** Turns a base64 `content` into text when the bytes are valid UTF-8. */
export function decodeFile(file: ContentEntry): ContentEntry {
  if (file.encoding !== 'base64' || typeof file.content !== 'string') return file;
  const bytes = Buffer.from(file.content, 'base64');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\u0000')) return { ...file, encoding: 'utf-8', content: text };
  } catch {
    // Not UTF-8: keep base64 below.
  }
  return { ...file, content: bytes.toString('base64'), binary: true };
}
