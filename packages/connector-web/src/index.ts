export { web, web as default } from './connector.js';
