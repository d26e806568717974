import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bundles a built connector's full CLI (its definition, the core harness, zod and commander)
 * into `dist/cli.js` plus lazily loaded chunks: one module graph of a few files instead of ~190
 * makes every non-fast-path command start faster. The bin's fast path loads it when present.
 * `dist/cli.js` sits next to `dist/connector.js`, so `new URL('..', import.meta.url)` in the
 * definition still names the package root.
 */
export async function bundleConnector(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const dist = join(dir, 'dist');
  const entry = join(dist, 'cli-entry.js');
  // Chunk names carry content hashes: clear the last build's so none goes stale.
  rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  writeFileSync(
    entry,
    "import definition from './connector.js';\nimport { runConnectorProcess } from '@aos-connectors/core';\nawait runConnectorProcess(definition);\n",
  );
  try {
    await build({
      entryPoints: { cli: entry },
      outdir: dist,
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // CommonJS dependencies (mail, HTML libraries) call require() for Node built-ins, which an
      // ES module bundle only has through createRequire.
      banner: { js: "import { createRequire as __aosCreateRequire } from 'node:module'; const require = __aosCreateRequire(import.meta.url);" },
      // The MCP SDK is an optional peer, loaded only by `mcp`; it must resolve from the install.
      external: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*'],
      logLevel: 'warning',
    });
  } finally {
    rmSync(entry, { force: true });
  }
  return join(dist, 'cli.js');
}
