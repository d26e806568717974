import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findCycles } from './cycles.js';
import { importsOf, packageName, resolveRelative, sourceFiles } from './imports.js';

export interface WorkspacePackage {
  name: string;
  dir: string;
  /** Dependencies it declares (runtime, dev and peer), by name. */
  declared: Set<string>;
  /** Workspace packages its sources import. */
  uses: Set<string>;
}

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The workspace's packages (`packages/*`, `tools/*`) and which others each one's sources import. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const dirs = ['packages', 'tools'].flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
  ).filter((dir) => existsSync(join(dir, 'package.json')));
  const manifests = dirs.map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson }));
  const names = new Set(manifests.map((m) => m.json.name));
  return manifests.map(({ dir, json }) => {
    const uses = new Set<string>();
    const src = join(dir, 'src');
    for (const file of existsSync(src) ? sourceFiles(src) : []) {
      for (const specifier of importsOf(file)) {
        const name = packageName(specifier);
        if (name && names.has(name) && name !== json.name) uses.add(name);
      }
    }
    return {
      name: json.name,
      dir,
      declared: new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {}), ...Object.keys(json.peerDependencies ?? {})]),
      uses,
    };
  });
}

/** Import cycles among the files of one source folder, as paths relative to it. */
export function fileCycles(srcDir: string): string[][] {
  const files = sourceFiles(srcDir);
  const known = new Set(files);
  const graph = new Map(files.map((file) => [file, importsOf(file).map((spec) => resolveRelative(file, spec, known)).filter((f): f is string => f !== undefined)]));
  return findCycles(graph).map((cycle) => cycle.map((file) => relative(srcDir, file)));
}

/** Cycles among the workspace's packages, following what their sources import. */
export function packageCycles(packages: readonly WorkspacePackage[]): string[][] {
  return findCycles(new Map(packages.map((pkg) => [pkg.name, [...pkg.uses]])));
}
