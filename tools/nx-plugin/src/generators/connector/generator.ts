import {
  formatFiles,
  generateFiles,
  installPackagesTask,
  joinPathFragments,
  logger,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCorePackage } from './core-package.js';
import { normalizeOptions } from './normalize-options.js';
import { renderManifests } from './render-manifests.js';
import type { ConnectorGeneratorSchema } from './schema.js';
import { templateData } from './template-data.js';
import { isWorkspacePackageDir } from './workspace-packages.js';

const FILES = joinPathFragments(dirname(fileURLToPath(import.meta.url)), 'files');

/** Lists the new package in the root solution tsconfig, as `nx sync` would (keeps `nx sync:check` green). */
function addRootReference(tree: Tree, directory: string): void {
  if (!tree.exists('tsconfig.json')) return;
  updateJson<{ references?: { path: string }[] }>(tree, 'tsconfig.json', (json) => {
    const path = `./${directory}`;
    const references = json.references ?? [];
    if (!references.some((ref) => ref.path === path)) references.push({ path });
    return { ...json, references };
  });
}

/** `nx g connector <name>`: a complete aos-<name> package that builds, passes its tests and certifies. */
export default async function connectorGenerator(tree: Tree, schema: ConnectorGeneratorSchema): Promise<GeneratorCallback | undefined> {
  const options = normalizeOptions(tree, schema);
  const core = findCorePackage(tree);
  generateFiles(tree, FILES, options.directory, templateData(options, core));
  await renderManifests(tree, options.directory);
  // Only a directory npm workspaces links is a workspace package; anything else (a scratch
  // copy under tmp/) stays out of the root solution and needs no install.
  const linked = isWorkspacePackageDir(tree, options.directory);
  if (linked) addRootReference(tree, options.directory);
  await formatFiles(tree);
  logger.info(`Next: npx nx build ${options.tool} && npx nx test ${options.tool} && npx nx certify ${options.tool}`);
  if (!linked || options.skipInstall) return undefined;
  // npm install links the new package into node_modules (its bin, and `@aos-connectors/core` for it).
  return () => installPackagesTask(tree, true);
}
