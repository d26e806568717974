export { certify, type CertifyOptions } from './certify.js';
export { main } from './cli.js';
export { renderReport } from './render.js';
export { CertifyUsageError, loadPackage, type ConnectorPackage } from './package.js';
export { GATES, levelOf, type CertificationReport, type CheckResult, type GateName, type GateReport } from './report.js';
