// Bundles the `aos` CLI (dist/cli.js with the parts of the core and zod it reaches) into
// dist/aos.js: one module instead of ~220 keeps `aos list` near bare Node start-up. The core
// is treated as free of import side effects, so what `aos` does not reach is dropped. Left
// out, and loaded from the installed packages when used: the whole core behind `aos mcp`
// (its dynamic import) and the MCP SDK.
// The contract is treated the same way: its zod schemas that `aos` does not use are dropped.
import { build } from 'esbuild';

const coreFiles = /[\\/](packages|@aos-connectors)[\\/](core|contract)[\\/]dist[\\/]/;

await build({
  entryPoints: [new URL('../dist/cli.js', import.meta.url).pathname],
  outfile: new URL('../dist/aos.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
  plugins: [
    {
      name: 'lean-core',
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (args.pluginData?.inner) return undefined;
          if (args.path.startsWith('@modelcontextprotocol/sdk')) return { path: args.path, external: true };
          // `aos mcp` loads the MCP bridge from the installed package; `aos list` never parses it.
          if (args.kind === 'dynamic-import' && args.path.startsWith('@aos-connectors/')) return { path: args.path, external: true };
          const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
          if (resolved.errors.length || !coreFiles.test(resolved.path)) return resolved;
          return { ...resolved, sideEffects: false };
        });
      },
    },
  ],
});
