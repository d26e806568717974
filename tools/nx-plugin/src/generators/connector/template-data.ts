import { offsetFromRoot } from '@nx/devkit';
import { posix } from 'node:path';
import type { CorePackage } from './core-package.js';
import type { NormalizedOptions } from './normalize-options.js';

/** A single-quoted TypeScript string literal (the workspace's style), escaped. */
export const tsString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const ACRONYMS = new Set(['api', 'url', 'id', 'oauth']);

/** `ACME_API_KEY` → `Acme API key`: a readable description of a secret from its name. */
function describeSecret(key: string, envPrefix: string, label: string): string {
  const words = key.replace(new RegExp(`^${envPrefix}_`), '').toLowerCase().split('_').filter(Boolean);
  return [label, ...words.map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))].join(' ');
}

/** Everything the templates in files/ interpolate; computed once so the templates stay logic-free. */
export function templateData(options: NormalizedOptions, core: CorePackage) {
  const baseUrlSetting = `${options.envPrefix}_API_URL`;
  const noAuth = options.authKind === 'none';
  const firstKey = options.serviceKeys[0];
  return {
    ...options,
    tsString,
    offset: offsetFromRoot(options.directory),
    coreTsconfig: posix.relative(options.directory, posix.join(core.dir, 'tsconfig.lib.json')),
    coreRange: core.range,
    zodRange: core.zodRange,
    baseUrlSetting,
    baseUrlDefault: `https://api.${options.name}.example`,
    constPrefix: options.envPrefix,
    authRequired: !noAuth,
    firstKey,
    secrets: options.serviceKeys.map((name) => ({ name, description: describeSecret(name, options.envPrefix, options.label) })),
    // Test values for the secrets, as a TypeScript object literal.
    credentialsLiteral: options.serviceKeys.length
      ? `{ ${options.serviceKeys.map((key) => `${key}: ${tsString(`test-${key.toLowerCase().replaceAll('_', '-')}`)}`).join(', ')} }`
      : '{}',
    setupSteps: noAuth
      ? [`No credentials are needed. Set ${baseUrlSetting} to use another ${options.label} server.`]
      : [
          `Create ${options.serviceKeys.length > 1 ? 'the credentials' : 'an API key'} in your ${options.label} account settings.`,
          `Set ${options.serviceKeys.join(', ')} in the environment the agent host injects.`,
        ],
  };
}

export type TemplateData = ReturnType<typeof templateData>;
