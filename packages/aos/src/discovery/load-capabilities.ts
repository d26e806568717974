import { DEFAULT_PROBE_TIMEOUT_MS } from './probe.js';
import { loadCapabilitiesOf } from './probe-one.js';
import type { ConnectorEntry, Env } from './types.js';

/**
 * Fills in the manifest of an entry that has none (a bare `aos-*` on PATH) by spawning
 * `<bin> --json capabilities`, for a caller that needs the commands but not the health.
 * Entries that already have a manifest, or no binary, are returned unchanged; a failure
 * makes the entry `error`. `probeHealth` does this itself for such entries.
 */
export async function loadCapabilities(entry: ConnectorEntry, options: { env?: Env; timeoutMs?: number } = {}): Promise<ConnectorEntry> {
  if (entry.manifest || !entry.binPath) return entry;
  const settings = { env: options.env ?? process.env, timeoutMs: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS };
  const loaded = await loadCapabilitiesOf(entry.binPath, settings);
  if ('error' in loaded) return { ...entry, installState: 'error', reason: `capabilities: ${loaded.error}` };
  return { ...entry, manifest: loaded.value };
}
