import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UNPROBED_REASON, UNPROBED_STATE } from './install-state.js';
import { globalNodeModules } from './npm-global.js';
import { scanPath } from './path-executables.js';
import type { Candidate } from './read-package.js';
import { defaultRepoRoot } from './repo-root.js';
import { scanNodeModules, scanRoot, type ScanResult } from './scan-root.js';
import type { Catalog, ConnectorEntry, ConnectorSource, Env, SearchedRoot, ShadowedConnector } from './types.js';

export interface DiscoveryOptions {
  /** Read for ARGENT_CONNECTOR_REPOS, HOME, PATH and npm's prefix. Default `process.env`. */
  env?: Env;
  /** The checkout whose `packages/` is searched. Default: found by walking up from this module; null skips it. */
  repoRoot?: string | null;
  /** npm's global `node_modules`. Default: derived from npm's env or node's prefix; null skips it. */
  globalModulesDir?: string | null;
  platform?: NodeJS.Platform;
}

interface Root {
  source: ConnectorSource;
  dir: string;
  scan: (dir: string, source: ConnectorSource) => Promise<ScanResult>;
}

function expandHome(dir: string, home: string | undefined): string {
  return home && (dir === '~' || dir.startsWith('~/')) ? join(home, dir.slice(1)) : resolve(dir);
}

function directoryRoots(env: Env, options: DiscoveryOptions): { before: Root[]; after: Root[] } {
  const home = env.HOME || env.USERPROFILE || undefined;
  const before: Root[] = (env.ARGENT_CONNECTOR_REPOS ?? '')
    .split(',')
    .map((dir) => dir.trim())
    .filter((dir) => dir !== '')
    .map((dir) => ({ source: 'connector-repos', dir: expandHome(dir, home), scan: scanRoot }));
  if (home) before.push({ source: 'user', dir: join(home, '.argentos', 'connectors'), scan: scanRoot });
  const repoRoot = options.repoRoot === undefined ? defaultRepoRoot() : options.repoRoot;
  if (repoRoot) before.push({ source: 'repository', dir: join(repoRoot, 'packages'), scan: scanRoot });
  const globalDir =
    options.globalModulesDir === undefined ? globalNodeModules(env, process.execPath, options.platform) : options.globalModulesDir;
  const after: Root[] = globalDir ? [{ source: 'npm-global', dir: globalDir, scan: scanNodeModules }] : [];
  return { before, after };
}

async function sameDir(a: string | null, b: string | null): Promise<boolean> {
  if (a === null || b === null) return false;
  if (a === b) return true;
  const [ra, rb] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return ra === rb;
}

function entryOf(candidate: Candidate): ConnectorEntry {
  const { manifestError, ...rest } = candidate;
  if (manifestError) return { ...rest, installState: 'error', reason: manifestError };
  if (!rest.binPath) {
    const reason = `no runnable binary: build the package, or install it (npm i -g ${rest.tool})`;
    return { ...rest, installState: 'repo-only', reason };
  }
  return { ...rest, installState: UNPROBED_STATE, reason: UNPROBED_REASON };
}

/**
 * First match per tool wins (CONTRACT §8); the losers are listed as shadowed. Two exceptions
 * keep that rule useful: the same package reached twice (a global package through its PATH
 * symlink and through node_modules) is one install, not a shadow; and a winner lacking a
 * binary or a manifest takes it from the next candidate of its tool that has one, so a repo
 * checkout whose bin was installed on PATH is runnable, not `repo-only`.
 */
async function applyPrecedence(candidates: Candidate[]): Promise<{ winners: Candidate[]; shadowed: ShadowedConnector[] }> {
  const winners = new Map<string, Candidate>();
  const shadowed: ShadowedConnector[] = [];
  for (const candidate of candidates) {
    const winner = winners.get(candidate.tool);
    if (!winner) {
      winners.set(candidate.tool, { ...candidate });
      continue;
    }
    if (await sameDir(winner.dir, candidate.dir)) continue;
    shadowed.push({ tool: candidate.tool, source: candidate.source, dir: candidate.dir, binPath: candidate.binPath, shadowedBy: winner.source });
    if (!winner.binPath && candidate.binPath) {
      winner.binPath = candidate.binPath;
      winner.binMtimeMs = candidate.binMtimeMs;
      winner.binSource = candidate.source;
    }
    if (!winner.manifest && !winner.manifestError && candidate.manifest) {
      winner.manifest = candidate.manifest;
      winner.manifestPath = candidate.manifestPath;
    }
  }
  return { winners: [...winners.values()], shadowed };
}

/**
 * Builds the catalog from manifests, package.json files and directory listings only: no
 * process is spawned, so it stays cheap however many connectors there are. Entries with a
 * binary are `needs-setup` ("health not probed yet") until `probeHealth` asks them.
 */
export async function discoverConnectors(options: DiscoveryOptions = {}): Promise<Catalog> {
  const env = options.env ?? process.env;
  const { before, after } = directoryRoots(env, options);
  const scanAll = (roots: Root[]) => Promise.all(roots.map((root) => root.scan(root.dir, root.source)));
  const [beforeScans, pathScan, afterScans] = await Promise.all([scanAll(before), scanPath(env, options.platform), scanAll(after)]);

  const searched: SearchedRoot[] = [
    ...before.map((root, i) => ({ source: root.source, dir: root.dir, exists: beforeScans[i]!.exists })),
    ...pathScan.searched.map((dir) => ({ source: 'path' as const, ...dir })),
    ...after.map((root, i) => ({ source: root.source, dir: root.dir, exists: afterScans[i]!.exists })),
  ];
  const ordered = [...beforeScans.flatMap((s) => s.candidates), ...pathScan.candidates, ...afterScans.flatMap((s) => s.candidates)];
  const { winners, shadowed } = await applyPrecedence(ordered);
  const connectors = winners.map(entryOf).sort((a, b) => (a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0));
  return { connectors, shadowed, searched };
}

/** The catalog entry of one tool. */
export function findConnector(catalog: Catalog, tool: string): ConnectorEntry | undefined {
  return catalog.connectors.find((entry) => entry.tool === tool);
}
