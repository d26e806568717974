#!/usr/bin/env node
// Start-up matters (`aos list` is what an agent host calls first): the compile cache, then the CLI.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/aos.js');
await main();
