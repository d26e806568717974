import { runCli } from '../src/testing/run-cli.js';
import widgets from './fixture/src/connector.js';
const argv = process.argv.slice(2);
const r = await runCli(widgets, argv, { WIDGETS_TOKEN: 'supersecret123', WIDGETS_API_URL: 'http://127.0.0.1:9' });
console.log('exit', r.exitCode); console.log('STDOUT:', r.stdout); console.log('STDERR:', r.stderr);
