export { email, email as default } from './connector.js';
export { emailAdapter } from './gateway/adapter.js';
