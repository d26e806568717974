export {
  createCommunicationService,
  type CallOptions,
  type CommunicationService,
  type CommunicationServiceOptions,
  type Params,
  type ServiceResult,
} from './communication-service.js';
