import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { HealthCache, healthCacheKey, type CachedProbe } from './health-cache.js';
import { mapLimit } from './map-limit.js';
import { loadCapabilitiesOf, probeHealthOf, type SpawnSettings } from './probe-one.js';
import type { Catalog, ConnectorEntry, Env } from './types.js';

export interface ProbeOptions {
  /** Passed to each connector as is (AOS_AUDIT included). Default `process.env`. */
  env?: Env;
  /** Probes in flight at once. Default: the number of CPUs (a probe is mostly node start-up, CPU-bound). */
  concurrency?: number;
  /** Per spawned process; the child is killed after it. Default 5000 ms. */
  timeoutMs?: number;
  /** Default: one shared cache per HOME, kept in `~/.argentos/cache/health.json`. false disables caching. */
  cache?: HealthCache | false;
  /** Probe even when a fresh result is cached (the new result replaces it). */
  refresh?: boolean;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

const sharedCaches = new Map<string, HealthCache>();

export function defaultHealthCacheFile(env: Env): string | null {
  const home = env.HOME || env.USERPROFILE;
  return home ? join(home, '.argentos', 'cache', 'health.json') : null;
}

/** The cache used when none is given: one per cache file, so repeated calls in a process share it. */
export function defaultHealthCache(env: Env): HealthCache {
  const file = defaultHealthCacheFile(env);
  const key = file ?? '';
  let cache = sharedCaches.get(key);
  if (!cache) sharedCaches.set(key, (cache = new HealthCache({ file })));
  return cache;
}

/** An entry with a binary and no broken manifest; `repo-only` and invalid manifests stay as discovered. */
export function isProbeable(entry: ConnectorEntry): boolean {
  const brokenManifest = entry.manifestPath !== null && entry.manifest === null;
  return entry.binPath !== null && !brokenManifest;
}

function applied(entry: ConnectorEntry, probe: CachedProbe, fromCache: boolean): ConnectorEntry {
  const { reason: _reason, health: _health, ...rest } = entry;
  return {
    ...rest,
    manifest: entry.manifest ?? probe.manifest ?? null,
    installState: probe.installState,
    ...(probe.reason ? { reason: probe.reason } : {}),
    ...(probe.health ? { health: probe.health } : {}),
    probedAt: new Date(probe.at).toISOString(),
    fromCache,
  };
}

async function probeFresh(entry: ConnectorEntry, settings: SpawnSettings, at: number): Promise<{ probe: CachedProbe; cacheable: boolean }> {
  const binPath = entry.binPath!;
  let manifest: CachedProbe['manifest'];
  if (!entry.manifest) {
    // `ready` needs parsed capabilities; a bare PATH executable has them only from itself.
    const capabilities = await loadCapabilitiesOf(binPath, settings);
    if ('error' in capabilities) {
      return { probe: { at, installState: 'error', reason: `capabilities: ${capabilities.error}` }, cacheable: capabilities.cacheable };
    }
    manifest = capabilities.value;
  }
  const { cacheable, ...verdict } = await probeHealthOf(binPath, settings);
  return { probe: { at, ...verdict, ...(manifest ? { manifest } : {}) }, cacheable };
}

/**
 * Spawns `<bin> --json health` for each probeable entry, at most `concurrency` at a time, and
 * turns an unprobed entry (`needs-setup`, UNPROBED_REASON) into `ready` / `needs-setup` / `error`. A probe that hangs is killed at
 * `timeoutMs` and marked `error` ("timed out after N ms") without holding up the others.
 * Answers are cached by tool + binary mtime + settings fingerprint; kills and spawn failures
 * are not cached, so a transient hang is retried next time. Never throws for a connector.
 */
export async function probeHealth(catalog: Catalog, options?: ProbeOptions): Promise<Catalog>;
export async function probeHealth(entries: readonly ConnectorEntry[], options?: ProbeOptions): Promise<ConnectorEntry[]>;
export async function probeHealth(
  input: Catalog | readonly ConnectorEntry[],
  options: ProbeOptions = {},
): Promise<Catalog | ConnectorEntry[]> {
  const entries = 'connectors' in input ? input.connectors : input;
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const cache = options.cache === undefined ? defaultHealthCache(env) : options.cache;
  // Tell the connector our deadline so its own API check gives up (TIMEOUT) before we kill it.
  const childEnv: Env = env.AOS_TIMEOUT_MS ? env : { ...env, AOS_TIMEOUT_MS: String(Math.max(1, Math.floor(timeoutMs * 0.8))) };
  const settings: SpawnSettings = { env: childEnv, timeoutMs };

  const probed = await mapLimit(entries, options.concurrency ?? availableParallelism(), async (entry) => {
    if (!isProbeable(entry)) return entry;
    const key = healthCacheKey(entry, env);
    const hit = cache && !options.refresh ? await cache.get(key) : undefined;
    if (hit) return applied(entry, hit, true);
    const { probe, cacheable } = await probeFresh(entry, settings, cache ? cache.now() : Date.now());
    if (cache && cacheable) cache.set(key, probe);
    return applied(entry, probe, false);
  });
  if (cache) await cache.flush();
  return 'connectors' in input ? { ...input, connectors: probed } : probed;
}
