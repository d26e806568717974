#!/usr/bin/env node
// Start-up matters: the compile cache and the core's fast path (bundled into dist/main.js) keep
// `--version` and `--json capabilities` close to bare Node; everything else loads dist/cli.js.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/main.js');
