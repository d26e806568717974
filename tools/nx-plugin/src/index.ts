export { createNodes } from './certify-target.js';
