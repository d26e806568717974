export { findCycles } from './cycles.js';
export { importsOf, packageName, resolveRelative, sourceFiles } from './imports.js';
export { fileCycles, packageCycles, readWorkspace, type WorkspacePackage } from './workspace.js';
