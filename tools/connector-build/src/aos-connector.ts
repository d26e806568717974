#!/usr/bin/env node
/**
 * `aos-connector bundle [dir]`: bundles the built CLI into dist/cli.js (see bundle-connector.ts).
 * `aos-connector sync [--check] [dir]`: regenerates a connector package's connector.json,
 * permissions.json and README sections from its built definition (`dist/connector.js`).
 * With --check it changes nothing and exits 1 when any file has drifted.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { syncManifests } from './sync-manifests.js';
import { bundleConnector } from './bundle-connector.js';
import type { ConnectorDefinition } from '@aos-connectors/core';

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === 'bundle') {
    const out = await bundleConnector(resolve(rest[0] ?? '.'));
    process.stdout.write(`bundled ${out}\n`);
    return 0;
  }
  if (verb !== 'sync') {
    process.stderr.write('usage: aos-connector sync [--check] [package-dir] | aos-connector bundle [package-dir]\n');
    return 2;
  }
  const check = rest.includes('--check');
  const dir = resolve(rest.find((arg) => !arg.startsWith('--')) ?? '.');
  const entry = resolve(dir, 'dist/connector.js');
  if (!existsSync(entry)) {
    process.stderr.write(`error: ${entry} not found; build the package first (npx nx build <project>)\n`);
    return 2;
  }
  const module = (await import(pathToFileURL(entry).href)) as { default?: ConnectorDefinition };
  if (!module.default) {
    process.stderr.write(`error: ${entry} has no default export of a connector definition\n`);
    return 2;
  }
  const results = syncManifests(module.default, check);
  for (const { file, changed } of results) {
    process.stdout.write(`${changed ? (check ? 'out of date' : 'updated') : 'up to date'}  ${file}\n`);
  }
  const drifted = results.some((r) => r.changed);
  if (check && drifted) process.stderr.write('Generated files differ from the definition: run "aos-connector sync" and commit.\n');
  return check && drifted ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
