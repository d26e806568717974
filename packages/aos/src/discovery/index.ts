// Connector discovery (CONTRACT §8): a catalog from manifests without spawning, health on demand.
export { discoverConnectors, findConnector, type DiscoveryOptions } from './discover.js';
export { probeHealth, isProbeable, defaultHealthCache, defaultHealthCacheFile, DEFAULT_PROBE_TIMEOUT_MS, type ProbeOptions } from './probe.js';
export { loadCapabilities } from './load-capabilities.js';
export { HealthCache, healthCacheKey, DEFAULT_HEALTH_TTL_MS, type CachedProbe, type HealthCacheOptions } from './health-cache.js';
export { installStateOfStatus, normalizeHealthStatus, verdictOfHealthOutput, UNPROBED_REASON, UNPROBED_STATE, type HealthVerdict } from './install-state.js';
export { globalNodeModules } from './npm-global.js';
export { findRepoRoot } from './repo-root.js';
export {
  CONNECTOR_SOURCES,
  INSTALL_STATES,
  type Catalog,
  type ConnectorEntry,
  type ConnectorSource,
  type InstallState,
  type ProbedHealth,
  type SearchedRoot,
  type ShadowedConnector,
} from './types.js';
