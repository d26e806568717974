import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateJson, workspaceRoot, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

export const readWorkspaceFile = (path: string): string => readFileSync(join(workspaceRoot, path), 'utf8');

/** A virtual workspace shaped like this one: npm workspaces, the real core's package.json, a root solution tsconfig. */
export function workspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // This workspace has no formatter config (the empty workspace brings oxfmt's).
  tree.delete('.oxfmtrc.json');
  updateJson(tree, 'package.json', (json) => ({ ...json, workspaces: ['packages/*', 'tools/*'] }));
  tree.write('packages/core/package.json', readWorkspaceFile('packages/core/package.json'));
  writeJson(tree, 'tsconfig.json', { extends: './tsconfig.base.json', files: [], references: [{ path: './packages/core' }] });
  return tree;
}
