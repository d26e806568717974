import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { manifestSchema } from '@aos-connectors/contract';
import { isJavaScript } from './spawn-json.js';
import type { ConnectorEntry, ConnectorSource } from './types.js';

/** A connector found in one source, before precedence between sources is applied. */
export type Candidate = Omit<ConnectorEntry, 'installState' | 'reason'> & { manifestError?: string };

interface PackageJson {
  name?: unknown;
  version?: unknown;
  bin?: unknown;
}

const TOOL_NAME = /^aos-[a-z0-9][a-z0-9-]*$/;

async function readJson(file: string): Promise<{ value?: unknown; error?: string; missing?: true }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: (error as Error).message };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
}

/**
 * The mtime of a file we can run, or null: missing (the dangling bin of an unbuilt package),
 * or neither JavaScript (run with node) nor executable.
 */
export async function runnableMtime(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return isJavaScript(file) || process.platform === 'win32' || (info.mode & 0o111) !== 0 ? info.mtimeMs : null;
  } catch {
    return null;
  }
}

function binCandidates(dir: string, tool: string, pkg: PackageJson | undefined): string[] {
  const found: string[] = [];
  const bin = pkg?.bin;
  if (typeof bin === 'string') found.push(bin);
  else if (bin && typeof bin === 'object') {
    const map = bin as Record<string, unknown>;
    const named = map[tool] ?? Object.entries(map).find(([name]) => TOOL_NAME.test(name))?.[1];
    if (typeof named === 'string') found.push(named);
  }
  // The generator's layout, for packages whose package.json has no bin (yet).
  found.push(`bin/${tool}.js`, `bin/${tool}.mjs`, `bin/${tool}`);
  return found.map((file) => resolve(dir, file));
}

async function firstRunnable(files: string[]): Promise<{ binPath: string; binMtimeMs: number } | undefined> {
  for (const file of files) {
    const mtime = await runnableMtime(file);
    if (mtime !== null) return { binPath: file, binMtimeMs: mtime };
  }
  return undefined;
}

function errorText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads one package directory. Returns undefined when it has no connector.json (not a
 * connector). Reads two small files and stats at most a few bin paths: never spawns.
 */
export async function readConnectorPackage(dir: string, source: ConnectorSource): Promise<Candidate | undefined> {
  const manifestPath = join(dir, 'connector.json');
  const [raw, pkgRead] = await Promise.all([readJson(manifestPath), readJson(join(dir, 'package.json'))]);
  if (raw.missing) return undefined;
  const pkg = (pkgRead.value && typeof pkgRead.value === 'object' ? pkgRead.value : undefined) as PackageJson | undefined;

  let manifestError = raw.error && `connector.json is unreadable: ${raw.error}`;
  const parsed = raw.error ? undefined : manifestSchema.safeParse(raw.value);
  if (parsed && !parsed.success) manifestError = `connector.json is invalid: ${errorText(parsed.error)}`;
  const manifest = parsed?.success ? parsed.data : null;

  // An invalid manifest still needs a name to take part in precedence.
  const rawTool = (raw.value as { tool?: unknown } | undefined)?.tool;
  const pkgName = typeof pkg?.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : undefined;
  const tool = manifest?.tool ?? (typeof rawTool === 'string' ? rawTool : undefined) ?? pkgName ?? basename(dir);

  const bin = await firstRunnable(binCandidates(dir, tool, pkg));
  return {
    tool,
    source,
    dir,
    version: typeof pkg?.version === 'string' ? pkg.version : null,
    manifest,
    manifestPath,
    binPath: bin?.binPath ?? null,
    binMtimeMs: bin?.binMtimeMs ?? null,
    ...(manifestError ? { manifestError } : {}),
  };
}
