import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

const CHUNK_PREFIX = 'chunk-';

/** The bin's full CLI: the definition run as this process, with the MCP bridge loaded on `mcp`. */
const CLI_ENTRY = `import definition from './connector.js';
import { runConnectorProcess } from '@aos-connectors/core';
await runConnectorProcess(definition, {
  serveMcp: async (connector, options) => (await import('@aos-connectors/mcp')).serveConnectorMcp(connector, options),
});
`;

/** The bin's entry: answers `--version` and `--json capabilities` from connector.json, else loads cli.js. */
const MAIN_ENTRY = `import { runBin } from '@aos-connectors/core/fast';\nawait runBin({ root: new URL('..', import.meta.url) });\n`;

/** `aos-<name> mcp`: tools listed from connector.json; the definition and harness load on the first call. */
const MCP_ENTRY = `import { serveBinMcp } from '@aos-connectors/mcp';
const served = await serveBinMcp({ root: new URL('..', import.meta.url), load: async () => (await import('./connector.js')).default });
if (!served) await import(new URL('cli.js', import.meta.url).href);
`;

/** The package's main export for in-process hosts: the definition with what it uses. */
const DEFINITION_ENTRY = `export * from './index.js';\nexport { default } from './index.js';\n`;

/**
 * Bundles a built connector into what its package publishes: `dist/main.js` (the bin's fast
 * path), `dist/cli.js` (the full CLI), `dist/mcp.js` (the MCP bridge) and `dist/definition.js` (the definition for in-process hosts), sharing lazily loaded chunks.
 * Everything they use is inside (the core, zod, commander, ky, undici, the MCP bridge and SDK,
 * vendor libraries), so an install needs no runtime dependencies, and one module graph of a few
 * files instead of ~200 makes every command start faster. Both sit next to `dist/connector.js`,
 * so `new URL('..', import.meta.url)` in the definition still names the package root.
 */
export async function bundleConnector(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const dist = join(dir, 'dist');
  const entries = { cli: join(dist, 'cli-entry.js'), mcp: join(dist, 'mcp-entry.js'), definition: join(dist, 'definition-entry.js') };
  const mainEntry = join(dist, 'main-entry.js');
  // Chunk names carry content hashes: clear the last build's so none goes stale.
  for (const file of readdirSync(dist)) if (file.startsWith(CHUNK_PREFIX)) rmSync(join(dist, file), { force: true });
  writeFileSync(entries.cli, CLI_ENTRY);
  writeFileSync(entries.mcp, MCP_ENTRY);
  writeFileSync(entries.definition, DEFINITION_ENTRY);
  try {
    await build({
      entryPoints: entries,
      outdir: dist,
      entryNames: '[name]',
      // Chunks sit beside the entries: the definition's `new URL('..', import.meta.url)` may land
      // in a shared chunk, and must still name the package root from there.
      chunkNames: `${CHUNK_PREFIX}[hash]`,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // The MCP SDK's HTTP server side (express, hono) is never reached from the stdio bridge.
      // ajv serves the SDK's elicitation, which the bridge never uses (it passes its own validator).
      plugins: [stubModules(/^ajv(-formats)?(\/.*)?$/)],
      external: ['express', 'hono', '@hono/node-server', 'cors', 'express-rate-limit', 'eventsource', 'cross-spawn', 'pkce-challenge', 'jose', 'raw-body', 'content-type'],
      // CommonJS dependencies (mail, HTML libraries) call require() for Node built-ins, which an
      // ES module bundle only has through createRequire.
      banner: { js: "import { createRequire as __aosCreateRequire } from 'node:module'; const require = __aosCreateRequire(import.meta.url);" },
      // Source maps would publish the build machine's paths; the bundle is plain, readable ESM.
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    // The fast path alone, in one file: it must not share chunks with the full CLI.
    writeFileSync(mainEntry, MAIN_ENTRY);
    await build({ entryPoints: { main: mainEntry }, outdir: dist, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' });
  } finally {
    for (const file of [...Object.values(entries), mainEntry]) rmSync(file, { force: true });
  }
  return join(dist, 'cli.js');
}

/** Replaces modules that are imported but never used on any path the bundle takes with a stub that throws if it ever is. */
function stubModules(filter: RegExp): Plugin {
  return {
    name: 'stub-unused-modules',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'aos-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'aos-stub' }, (args) => ({
        contents: `export default class Unbundled { constructor() { throw new Error(${JSON.stringify(`${args.path} is not bundled with this connector`)}); } }`,
        loader: 'js',
      }));
    },
  };
}
