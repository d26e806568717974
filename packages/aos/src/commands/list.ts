import { UsageError } from '@aos-connectors/core';
import { probeHealth } from '../discovery/index.js';
import { connectorRow, discover } from '../catalog.js';
import type { HostCall } from '../io.js';
import { positiveInt, subArgs } from '../sub-args.js';

export const LIST_HELP = `Usage: aos list [--probe [--refresh] [--concurrency <n>]]

List the connectors found (CONTRACT §8), from their manifests: no process is started.
  --probe            also run each connector's health check (bounded, cached for 60 s)
  --refresh          probe even when a cached result is fresh
  --concurrency <n>  probes at once (default: the number of CPUs)
`;

/**
 * `aos list`: the catalog from manifests alone, or with health probes (`--probe`), which turn
 * unprobed entries (`needs-setup`, "health not probed yet") into `ready`, `needs-setup` or
 * `error`. --timeout-ms bounds each probe.
 */
export async function list({ io, flags, output, args }: HostCall): Promise<void> {
  const { values, positionals } = subArgs('list', args, {
    probe: { type: 'boolean' },
    refresh: { type: 'boolean' },
    concurrency: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`list takes no arguments (got "${positionals.join(' ')}")`);
  let catalog = await discover(io);
  if (values.probe || values.refresh) {
    catalog = await probeHealth(catalog, {
      env: io.env,
      concurrency: positiveInt('concurrency', values.concurrency),
      refresh: values.refresh,
      ...(flags.timeoutMs ? { timeoutMs: flags.timeoutMs } : {}),
    });
  }
  const probed = values.probe || values.refresh;
  output.success(
    'list',
    {
      connectors: catalog.connectors.map(connectorRow),
      next_cursor: null,
      has_more: false,
      shadowed: catalog.shadowed,
      searched: catalog.searched,
    },
    { key: 'connectors', columns: ['tool', 'install_state', 'version', 'commands', 'source', ...(probed ? ['reason'] : [])] },
  );
}
