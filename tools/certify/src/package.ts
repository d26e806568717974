import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Env = Record<string, string>;

/** Optional certification inputs a package may declare in package.json under `aos.certify`. */
export interface CertifyConfig {
  /** Argument words (after the command path) that make a valid call, by command id. */
  samples: Record<string, string[]>;
  /** Non-secret settings every command run needs (e.g. a default account). */
  env: Env;
}

/** What certification reads from a connector package directory, without running anything. */
export interface ConnectorPackage {
  dir: string;
  name: string;
  version: string;
  /** The bin name (`aos-acme`). */
  tool: string;
  /** Absolute path of the bin script that is run as `node <bin>`. */
  bin: string;
  /** dist/connector.js: the built definition (its default export). */
  definitionEntry: string;
  files: { manifest?: string; permissions?: string; readme?: string };
  config: CertifyConfig;
}

/** A problem with how aos-certify was called (exit 2), not a certification failure. */
export class CertifyUsageError extends Error {
  override name = 'CertifyUsageError';
}

const readIfExists = (file: string): string | undefined => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

interface PackageJson {
  name?: string;
  version?: string;
  bin?: string | Record<string, string>;
  aos?: { certify?: Partial<CertifyConfig> };
}

export function loadPackage(packageDir: string): ConnectorPackage {
  const dir = resolve(packageDir);
  const text = readIfExists(join(dir, 'package.json'));
  if (text === undefined) throw new CertifyUsageError(`${dir} has no package.json: pass a connector package directory.`);
  const json = JSON.parse(text) as PackageJson;
  const bins = typeof json.bin === 'string' ? { [json.name ?? '']: json.bin } : (json.bin ?? {});
  const [tool, binPath] = Object.entries(bins).find(([name]) => name.startsWith('aos-')) ?? Object.entries(bins)[0] ?? [];
  if (!tool || !binPath) throw new CertifyUsageError(`${dir}/package.json declares no bin: a connector ships an aos-<name> bin.`);
  const bin = resolve(dir, binPath);
  if (!existsSync(bin)) throw new CertifyUsageError(`bin ${bin} does not exist: build the package first (npx nx build ${json.name}).`);
  return {
    dir,
    name: json.name ?? tool,
    version: json.version ?? '',
    tool,
    bin,
    definitionEntry: join(dir, 'dist', 'connector.js'),
    files: {
      manifest: readIfExists(join(dir, 'connector.json')),
      permissions: readIfExists(join(dir, 'permissions.json')),
      readme: readIfExists(join(dir, 'README.md')),
    },
    config: { samples: json.aos?.certify?.samples ?? {}, env: json.aos?.certify?.env ?? {} },
  };
}
