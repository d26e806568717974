// The multi-instance gateway runner (`aos-gateway`): config, supervision, CLI.
export { loadConfig, type RunnerConfig, type InstanceConfig, type RestartPolicy } from './config.js';
export { expandString, expandDeep } from './expand.js';
export { runGateways, resolveBins, type RunnerIO, type RunResult } from './runner.js';
export { SupervisedInstance, PERMANENT_EXITS, type InstanceOutcome } from './instance.js';
export { main } from './cli.js';
