import { createNodesFromFiles, type CreateNodes, type TargetConfiguration } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CertifyPluginOptions {
  /** Name of the inferred target (default `certify`). */
  targetName?: string;
}

export const CERTIFY_TOOL = '@aos-connectors/certify';

/** The inferred target: certify the built package as a black box (tools/certify). */
export function certifyTarget(): TargetConfiguration {
  return {
    command: 'aos-certify .',
    options: { cwd: '{projectRoot}' },
    // The connector's bin runs dist/; the certifier runs its own dist. After `test`, so the Tests
    // gate reads that run's test-results.json instead of running the suite a second time.
    dependsOn: ['build', '^build', 'test', { projects: [CERTIFY_TOOL], target: 'build' }],
    cache: true,
    inputs: ['default', '^production', { dependentTasksOutputFiles: '**/*.js', transitive: true }],
    metadata: {
      technologies: ['aos'],
      description: 'Certifies the connector: contract, safety, audit, docs and tests gates (aos-certify).',
    },
  };
}

/** A connector package: connector.json next to a package.json that ships a bin. */
function isConnectorPackage(root: string, workspaceRoot: string): boolean {
  const file = join(workspaceRoot, root, 'package.json');
  if (!existsSync(file)) return false;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { bin?: unknown };
  return typeof json.bin === 'object' && json.bin !== null && Object.keys(json.bin).length > 0;
}

/** Infers `certify` on every connector package (nx.json registers this plugin). */
export const createNodes: CreateNodes<CertifyPluginOptions> = [
  '**/connector.json',
  (files, options, context) =>
    createNodesFromFiles(
      (file, opts, ctx) => {
        const root = dirname(file);
        if (!isConnectorPackage(root, ctx.workspaceRoot)) return {};
        return { projects: { [root]: { targets: { [opts?.targetName ?? 'certify']: certifyTarget() } } } };
      },
      files,
      options,
      context,
    ),
];
