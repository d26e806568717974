import type { Capabilities } from '../contract/capabilities.js';
import type { Manifest } from '../contract/manifest.js';
import { MODES } from '../contract/modes.js';

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
