import { NotFoundError } from '@aos-connectors/contract';
import type { Catalog, ConnectorEntry } from './discovery/index.js';
import { discoverConnectors, findConnector } from './discovery/index.js';
import type { AosIO } from './io.js';

export const discover = (io: AosIO): Promise<Catalog> => discoverConnectors({ env: io.env, ...io.discovery });

/** `github` and `aos-github` both name the connector `aos-github`. */
export function resolveTool(catalog: Catalog, name: string): ConnectorEntry {
  const tool = name.startsWith('aos-') ? name : `aos-${name}`;
  const entry = findConnector(catalog, tool);
  if (entry) return entry;
  const searched = catalog.searched.filter((root) => root.exists).map((root) => root.dir);
  throw new NotFoundError(`No connector named "${tool}" was found`, {
    details: { tool, searched },
    hint: 'Run "aos list" to see the connectors found, or add a directory to ARGENT_CONNECTOR_REPOS.',
  });
}

export const resolveTools = (catalog: Catalog, names: string[]): ConnectorEntry[] => names.map((name) => resolveTool(catalog, name));

/** A catalog entry as `aos` prints it: snake_case like every envelope, the §8 installState as `install_state`. */
export function connectorRow(entry: ConnectorEntry): Record<string, unknown> {
  return {
    tool: entry.tool,
    label: entry.manifest?.connector.label ?? null,
    category: entry.manifest?.connector.category ?? null,
    install_state: entry.installState,
    version: entry.version,
    commands: entry.manifest ? entry.manifest.commands.length : null,
    source: entry.source,
    bin_path: entry.binPath,
    dir: entry.dir,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.health ? { status: entry.health.status, health: entry.health } : {}),
    ...(entry.probedAt ? { probed_at: entry.probedAt, from_cache: entry.fromCache ?? false } : {}),
  };
}
