import type { McpConnector } from '@aos-connectors/mcp';
import type { ConnectorEntry } from '../discovery/index.js';
import { discover, resolveTools } from '../catalog.js';
import type { HostCall } from '../io.js';
import { subArgs } from '../sub-args.js';

/** Until the client hangs up; stdout belongs to MCP, so nothing else is written there. */
export async function mcp({ io, flags, args, version }: HostCall): Promise<void> {
  // Imported here, not above: the MCP bridge loads the whole harness, which `aos list` never needs
  // (the bundle leaves this import to the installed core).
  const [{ isProbeable, loadCapabilities }, { serveConnectorsOverMcp, toolPrefix }] = await Promise.all([
    import('../discovery/index.js'),
    import('@aos-connectors/mcp'),
  ]);
  const runnable = (entry: ConnectorEntry) => isProbeable(entry) && entry.installState !== 'repo-only';
  const { positionals } = subArgs('mcp', args, {});
  const catalog = await discover(io);
  const selected = positionals.length ? resolveTools(catalog, positionals) : catalog.connectors;
  const connectors: McpConnector[] = [];
  for (const found of selected) {
    // A bare `aos-*` on PATH has no connector.json: its capabilities are the manifest.
    const entry = found.manifest || !runnable(found) ? found : await loadCapabilities(found, { env: io.env });
    if (!runnable(entry) || !entry.manifest) {
      io.stderr.write(`aos mcp: skipping ${entry.tool} (${entry.installState}${entry.reason ? `: ${entry.reason}` : ''})\n`);
      continue;
    }
    connectors.push({ manifest: entry.manifest, binPath: entry.binPath!, version: entry.version ?? undefined, prefix: toolPrefix(entry.tool) });
  }
  const streams = io.streams ?? { stdin: process.stdin, stdout: process.stdout };
  const session = await serveConnectorsOverMcp({
    connectors,
    mode: flags.mode,
    ...(flags.timeoutMs ? { timeoutMs: flags.timeoutMs } : {}),
    env: io.env,
    ...streams,
    stderr: io.stderr,
    serverInfo: { name: 'aos', version },
  });
  io.stderr.write(`aos mcp: ${connectors.length} connectors, ${session.listed.length} of ${session.tools.length} tools in mode ${flags.mode}\n`);
  await session.closed;
}
