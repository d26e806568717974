export { rss, rss as default } from './connector.js';
