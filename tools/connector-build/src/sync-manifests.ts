import { readFileSync, writeFileSync } from 'node:fs';
import { deriveManifest, derivePermissions } from '@aos-connectors/core';
import { applyReadmeSections, readmeSections } from './readme.js';
import type { ConnectorDefinition } from '@aos-connectors/core';

export interface SyncResult {
  file: string;
  changed: boolean;
}

const render = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function read(url: URL): string | undefined {
  try {
    return readFileSync(url, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes connector.json, permissions.json and the generated README sections from the
 * definition, or with `check` only reports which differ (CI fails on drift: the definition
 * is the one source of truth).
 */
export function syncManifests(definition: ConnectorDefinition, check: boolean): SyncResult[] {
  const readmeUrl = new URL('README.md', definition.root);
  const readme = read(readmeUrl);
  const files: [URL, string][] = [
    [new URL('connector.json', definition.root), render(deriveManifest(definition))],
    [new URL('permissions.json', definition.root), render(derivePermissions(definition))],
  ];
  if (readme !== undefined) files.push([readmeUrl, applyReadmeSections(readme, readmeSections(definition))]);
  return files.map(([url, wanted]) => {
    const changed = read(url) !== wanted;
    if (changed && !check) writeFileSync(url, wanted);
    return { file: url.pathname, changed };
  });
}
