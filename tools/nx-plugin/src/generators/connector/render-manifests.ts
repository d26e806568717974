import { joinPathFragments, workspaceRoot, type Tree } from '@nx/devkit';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConnectorDefinition } from '@aos-connectors/core';

/** The files `aos-connector sync` owns. */
export const GENERATED_FILES = ['connector.json', 'permissions.json', 'README.md'] as const;

/** What loading the definition and syncing needs; tsconfig files stay out (their relative paths would point elsewhere). */
const COPIED = (rel: string) => rel === 'package.json' || rel === 'README.md' || rel.startsWith('src/');

function writeProjectTo(tree: Tree, projectRoot: string, dir: string, sub = ''): void {
  for (const child of tree.children(joinPathFragments(projectRoot, sub))) {
    const rel = sub ? `${sub}/${child}` : child;
    if (tree.isFile(joinPathFragments(projectRoot, rel))) {
      if (!COPIED(rel)) continue;
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), tree.read(joinPathFragments(projectRoot, rel))!);
    } else {
      writeProjectTo(tree, projectRoot, dir, rel);
    }
  }
}

/**
 * Writes connector.json, permissions.json and the README's generated sections by running the
 * build tool's own `syncManifests` (what `aos-connector sync` runs) on the generated definition, so
 * the files are byte-identical to what sync would produce later. The generated sources are
 * copied to a scratch directory inside the workspace (so `@aos-connectors/core` and `zod`
 * resolve) and imported from there: Nx strips the types on Node 24, vitest transforms them.
 */
export async function renderManifests(tree: Tree, projectRoot: string): Promise<void> {
  const scratchParent = join(workspaceRoot, 'tmp');
  mkdirSync(scratchParent, { recursive: true });
  const scratch = mkdtempSync(join(scratchParent, 'aos-connector-gen-'));
  try {
    writeProjectTo(tree, projectRoot, scratch);
    const [{ syncManifests }, module] = await Promise.all([
      import('@aos-connectors/build'),
      import(pathToFileURL(join(scratch, 'src/connector.ts')).href) as Promise<{ default: ConnectorDefinition }>,
    ]);
    syncManifests(module.default, false);
    for (const file of GENERATED_FILES) tree.write(joinPathFragments(projectRoot, file), readFileSync(join(scratch, file)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
