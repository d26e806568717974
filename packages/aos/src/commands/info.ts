import { UsageError } from '@aos-connectors/core';
import { loadCapabilities, probeHealth } from '../discovery/index.js';
import { connectorRow, discover, resolveTool } from '../catalog.js';
import type { HostCall } from '../io.js';
import { subArgs } from '../sub-args.js';

export const INFO_HELP = `Usage: aos info <tool> [--probe [--refresh]]

Describe one connector: where it was found, its state, auth, and every command with its
required mode. <tool> is "github" or "aos-github".
  --probe    also run its health check
  --refresh  probe even when a cached result is fresh
`;

export async function info({ io, flags, output, args }: HostCall): Promise<void> {
  const { values, positionals } = subArgs('info', args, { probe: { type: 'boolean' }, refresh: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('info needs exactly one connector name', { hint: 'Run "aos list" for the names.' });
  const catalog = await discover(io);
  let entry = resolveTool(catalog, positionals[0]!);
  const timeout = flags.timeoutMs ? { timeoutMs: flags.timeoutMs } : {};
  // A bare `aos-*` on PATH has no connector.json: ask it for its capabilities.
  entry = await loadCapabilities(entry, { env: io.env, ...timeout });
  if (values.probe || values.refresh) [entry] = await probeHealth([entry], { env: io.env, refresh: values.refresh, ...timeout });
  const manifest = entry!.manifest;
  const { commands: _count, ...row } = connectorRow(entry!);
  output.success('info', {
    ...row,
    backend: manifest?.backend ?? null,
    categories: manifest?.connector.categories ?? [],
    resources: manifest?.connector.resources ?? [],
    auth: manifest?.auth ?? null,
    commands: (manifest?.commands ?? []).map((command) => ({
      id: command.id,
      summary: command.summary,
      required_mode: command.required_mode,
      action_class: command.action_class,
      risk_tier: command.risk_tier,
    })),
    shadowed: catalog.shadowed.filter((shadow) => shadow.tool === entry!.tool),
  });
}
