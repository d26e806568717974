import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What `npm publish` would send, for every public package: `npm pack --dry-run` lists the files,
 * which are then read from the package folder. Run after a build (the test target builds all).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const published = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson }))
  .filter(({ json }) => !json.private);

interface PackageJson {
  name: string;
  private?: boolean;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
}

function packedFiles(dir: string): string[] {
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { files: { path: string }[] }[];
  return info!.files.map((file) => file.path);
}

/** Published targets of `exports`, except the `development` condition (sources in the workspace only). */
function exportTargets(json: PackageJson): string[] {
  return Object.values(json.exports ?? {}).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.entries(target).filter(([condition]) => condition !== 'development').map(([, path]) => path),
  );
}

describe.each(published.map((pkg) => [pkg.json.name, pkg] as const))('the published %s', (_name, { dir, json }) => {
  const files = packedFiles(dir);

  it('has no tests, sources, source maps or build info', () => {
    expect(files.filter((file) => /(^|\/)(test|src)\/|\.map$|tsbuildinfo|test-results\.json|\.test\.[cm]?[jt]s$/.test(file))).toEqual([]);
  });

  it('ships every bin and every export target it declares', () => {
    const declared = [...Object.values(json.bin ?? {}), ...exportTargets(json)].map((path) => path.replace(/^\.\//, ''));
    expect(declared.filter((path) => !files.includes(path))).toEqual([]);
  });

  it('has bin shims that are executable scripts', () => {
    for (const bin of Object.values(json.bin ?? {})) {
      expect(readFileSync(join(dir, bin), 'utf8').startsWith('#!/usr/bin/env node\n'), bin).toBe(true);
    }
  });

  it("leaks no path of the machine that built it", () => {
    const leaks = files
      .filter((file) => /\.(js|mjs|cjs|json|md|d\.ts)$/.test(file) && existsSync(join(dir, file)))
      .filter((file) => /\/(work|home|root|tmp|Users)\/[\w.-]+\//.test(readFileSync(join(dir, file), 'utf8').replace(/https?:\/\/\S+/g, '')));
    expect(leaks).toEqual([]);
  });

  it('depends at run time only on other published packages of this workspace and the registry', () => {
    const names = new Set(published.map((pkg) => pkg.json.name));
    const privateWorkspace = Object.keys(json.dependencies ?? {}).filter((dep) => dep.startsWith('@aos-connectors/') && !names.has(dep));
    expect(privateWorkspace).toEqual([]);
  });
});

it('a connector publishes a bundle: no runtime dependencies at all', () => {
  const connectors = published.filter(({ json }) => json.bin && Object.keys(json.bin).some((bin) => /^aos-(?!gateway$)/.test(bin)));
  expect(connectors.length).toBeGreaterThan(0);
  expect(connectors.filter(({ json }) => Object.keys(json.dependencies ?? {}).length > 0).map(({ json }) => json.name)).toEqual([]);
});
