import { readFileSync, writeFileSync } from 'node:fs';
import { deriveManifest, derivePermissions } from './derive.js';
import type { ConnectorDefinition } from './types.js';

export interface SyncResult {
  file: string;
  changed: boolean;
}

const render = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes connector.json and permissions.json from the definition, or with `check` only reports
 * which differ (CI fails on drift: the definition is the one source of truth).
 */
export function syncManifests(definition: ConnectorDefinition, check: boolean): SyncResult[] {
  const files: [string, unknown][] = [
    ['connector.json', deriveManifest(definition)],
    ['permissions.json', derivePermissions(definition)],
  ];
  return files.map(([name, value]) => {
    const url = new URL(name, definition.root);
    const wanted = render(value);
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {
      // A missing file counts as changed.
    }
    const changed = current !== wanted;
    if (changed && !check) writeFileSync(url, wanted);
    return { file: url.pathname, changed };
  });
}
