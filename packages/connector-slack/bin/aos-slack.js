#!/usr/bin/env node
// Start-up matters: the compile cache and the core's fast path keep `--version` and
// `--json capabilities` close to bare Node; everything else loads the full CLI lazily.
import module from 'node:module';

module.enableCompileCache?.();
const { runBin } = await import('@aos-connectors/core/fast');
await runBin({
  root: new URL('..', import.meta.url),
  load: async () => (await import('../dist/connector.js')).default,
});
