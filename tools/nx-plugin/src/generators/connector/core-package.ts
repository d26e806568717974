import { joinPathFragments, type Tree } from '@nx/devkit';
import { ConnectorOptionsError } from './normalize-options.js';
import { workspacePackages } from './workspace-packages.js';

export const CORE_PACKAGE = '@aos-connectors/core';

export interface CorePackage {
  /** `packages/core` */
  dir: string;
  /** The range a connector depends on it with (`^0.1.0`). */
  range: string;
  /** The zod range the core itself uses, so a connector shares the core's zod. */
  zodRange: string;
}

/** Finds the core in the workspace: a connector's dependency ranges and project reference come from it. */
export function findCorePackage(tree: Tree): CorePackage {
  const core = workspacePackages(tree).find((pkg) => pkg.json.name === CORE_PACKAGE);
  if (!core?.json.version) throw new ConnectorOptionsError(`${CORE_PACKAGE} was not found in the workspace packages; run the generator in the aos-connectors workspace.`);
  const zodRange = core.json.dependencies?.zod;
  if (!zodRange) throw new ConnectorOptionsError(`${joinPathFragments(core.dir, 'package.json')} has no zod dependency to align with.`);
  return { dir: core.dir, range: `^${core.json.version}`, zodRange };
}
