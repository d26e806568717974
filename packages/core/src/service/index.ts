export { createCommunicationService, type CommunicationService, type CommunicationServiceOptions, type ServiceResult } from './communication-service.js';
export type { CallOptions } from './global-argv.js';
export { paramsToArgv, type Params } from './params-argv.js';
