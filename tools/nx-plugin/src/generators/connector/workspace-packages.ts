import { joinPathFragments, readJson, type Tree } from '@nx/devkit';

export interface WorkspacePackage {
  dir: string;
  json: { name?: string; version?: string; dependencies?: Record<string, string> };
}

/** The package directories npm workspaces link (`"workspaces": ["packages/*", "tools/*"]`). */
export function workspaceGlobs(tree: Tree): string[] {
  const root = readJson<{ workspaces?: string[] | { packages?: string[] } }>(tree, 'package.json');
  const globs = Array.isArray(root.workspaces) ? root.workspaces : (root.workspaces?.packages ?? []);
  return globs;
}

/** Every package in the workspace, read from the tree (so it sees files a generator just wrote). */
export function workspacePackages(tree: Tree): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const glob of workspaceGlobs(tree)) {
    // Only `<dir>/*` globs are used here; anything fancier is out of scope for this workspace.
    const parent = glob.replace(/\/\*$/, '');
    if (parent === glob || !tree.exists(parent)) continue;
    for (const child of tree.children(parent)) {
      const file = joinPathFragments(parent, child, 'package.json');
      if (tree.exists(file)) found.push({ dir: joinPathFragments(parent, child), json: readJson(tree, file) });
    }
  }
  return found;
}

/** True when `dir` is a package npm workspaces would link (directly under one of the globs). */
export function isWorkspacePackageDir(tree: Tree, dir: string): boolean {
  return workspaceGlobs(tree).some((glob) => glob.endsWith('/*') && dir.startsWith(glob.slice(0, -1)) && !dir.slice(glob.length - 1).includes('/'));
}
