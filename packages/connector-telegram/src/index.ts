export { telegram, telegram as default } from './connector.js';
