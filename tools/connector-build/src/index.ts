export { bundleConnector } from './bundle-connector.js';
export { syncManifests, type SyncResult } from './sync-manifests.js';
export { readmeSections, applyReadmeSections } from './readme.js';
