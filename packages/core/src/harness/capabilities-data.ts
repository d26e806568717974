import type { Capabilities } from '@aos-connectors/contract';
import type { Manifest } from '@aos-connectors/contract';
import { MODES } from '@aos-connectors/contract';

/**
 * `capabilities` data from a manifest. Free of runtime dependencies: the start-up fast path
 * serves `capabilities` from the committed connector.json through this same function.
 */
export function capabilitiesFromManifest(manifest: Manifest, version: string): Capabilities {
  return {
    tool: manifest.tool,
    version,
    manifest_schema_version: manifest.manifest_schema_version,
    backend: manifest.backend,
    modes: [...MODES],
    connector: manifest.connector,
    auth: manifest.auth,
    commands: manifest.commands as Capabilities['commands'],
  };
}
