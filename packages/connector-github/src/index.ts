export { github, github as default } from './connector.js';
