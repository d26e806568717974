export { localchat, localchat as default } from './connector.js';
export { localchatAdapter } from './adapter.js';
