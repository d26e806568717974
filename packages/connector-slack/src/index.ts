export { slack, slack as default } from './connector.js';
