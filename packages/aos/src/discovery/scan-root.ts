import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readConnectorPackage, type Candidate } from './read-package.js';
import type { ConnectorSource } from './types.js';

export interface ScanResult {
  exists: boolean;
  candidates: Candidate[];
}

async function listDirs(dir: string): Promise<Dirent[] | undefined> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter(
      (entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('.') && entry.name !== 'node_modules',
    );
  } catch {
    return undefined;
  }
}

function sorted(candidates: (Candidate | undefined)[]): Candidate[] {
  return candidates.filter((c): c is Candidate => c !== undefined).sort((a, b) => (a.dir! < b.dir! ? -1 : 1));
}

/**
 * A root is a connector package itself (it holds connector.json) or a folder of them, one
 * level deep. Reads run concurrently; results are sorted so precedence is deterministic.
 */
export async function scanRoot(dir: string, source: ConnectorSource): Promise<ScanResult> {
  const [self, children] = await Promise.all([readConnectorPackage(dir, source), listDirs(dir)]);
  if (self) return { exists: true, candidates: [self] };
  if (!children) return { exists: false, candidates: [] };
  const found = await Promise.all(children.map((child) => readConnectorPackage(join(dir, child.name), source)));
  return { exists: true, candidates: sorted(found) };
}

/** npm's global `node_modules`: only `aos-*` and `@scope/aos-*` packages, since connector packages are named like their bin. */
export async function scanNodeModules(dir: string, source: ConnectorSource): Promise<ScanResult> {
  const children = await listDirs(dir);
  if (!children) return { exists: false, candidates: [] };
  const packageDirs = await Promise.all(
    children.map(async (child) => {
      if (child.name.startsWith('aos-')) return [join(dir, child.name)];
      if (!child.name.startsWith('@')) return [];
      const scoped = (await listDirs(join(dir, child.name))) ?? [];
      return scoped.filter((entry) => entry.name.startsWith('aos-')).map((entry) => join(dir, child.name, entry.name));
    }),
  );
  const found = await Promise.all(packageDirs.flat().map((packageDir) => readConnectorPackage(packageDir, source)));
  return { exists: true, candidates: sorted(found) };
}
