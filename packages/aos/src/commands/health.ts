import { probeHealth } from '../discovery/index.js';
import { connectorRow, discover, resolveTools } from '../catalog.js';
import type { HostCall } from '../io.js';
import { positiveInt, subArgs } from '../sub-args.js';

export const HEALTH_HELP = `Usage: aos health [tool...] [--refresh] [--concurrency <n>]

Run the health check of every connector found, or of the named ones, a few at a time.
Exits 0 whenever each state could be determined; a name that is not found exits 6.
  --refresh          ignore cached results (they are kept for 60 s)
  --concurrency <n>  probes at once (default: the number of CPUs)
`;

export async function health({ io, flags, output, args }: HostCall): Promise<void> {
  const { values, positionals } = subArgs('health', args, { refresh: { type: 'boolean' }, concurrency: { type: 'string' } });
  const catalog = await discover(io);
  const selected = positionals.length ? resolveTools(catalog, positionals) : catalog.connectors;
  const probed = await probeHealth(selected, {
    env: io.env,
    concurrency: positiveInt('concurrency', values.concurrency),
    refresh: values.refresh,
    ...(flags.timeoutMs ? { timeoutMs: flags.timeoutMs } : {}),
  });
  const counts: Record<string, number> = {};
  for (const entry of probed) counts[entry.installState] = (counts[entry.installState] ?? 0) + 1;
  const connectors = probed.map((entry) => ({ ...connectorRow(entry), status: entry.health?.status ?? null }));
  output.success('health', { connectors, next_cursor: null, has_more: false, counts }, { key: 'connectors', columns: ['tool', 'install_state', 'status', 'reason'] });
}
