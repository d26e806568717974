import * as z from 'zod';
import type { MessagingAdapter } from './adapter.js';
import { command, packageVersion, type CommandContext, type CommandDefinition, type ConnectorDefinition } from '@aos-connectors/core';

/** What a messaging connector declares (CONTRACT §9): how to reach its platform. */
export interface GatewayDefinition {
  adapter(ctx: CommandContext): MessagingAdapter<any>;
  /** Settings the gateway needs beyond the required secrets (for `doctor`), e.g. channels to watch. */
  requires?: (string | string[])[];
}

const count = (what: string) => z.number().int().nonnegative().describe(what);

/**
 * What the gateway returns after a clean stop (runGateway's GatewayResult). A dry run starts
 * nothing and returns `{dry_run: true, plan: {instance, adapter, inbox, outbox, failed}}` instead,
 * as every command's dry run returns its plan rather than its result.
 */
const gatewayOutput = z
  .object({
    instance: z.string().describe('This connector instance (--name)'),
    recovered: z
      .object({
        committed: count('Inbox writes a crash interrupted, completed at start-up'),
        discarded: count('Inbox writes a crash interrupted, discarded for redelivery'),
      })
      .describe('What start-up recovery found in the inbox'),
    received: count('Platform messages written to messages/inbox'),
    duplicates: count('Platform messages already in the inbox, not written again'),
    rejected: count('Platform messages the adapter produced invalid, stored in messages/failed'),
    reconnects: count('Reconnections after a failed poll'),
    sent: count('Outbox messages sent to the platform'),
    failed: count('Outbox messages that could not be sent, moved to messages/failed'),
    retries: count('Send attempts retried'),
    duplicate_sends: count('Outbox files deleted unsent because their id was already sent'),
    duration_ms: count('How long the gateway ran, in milliseconds'),
  })
  .describe('Counts of one gateway run, from start to a clean stop');

/**
 * The `gateway --home <dir> --name <instance>` command every messaging connector gets. It is an
 * ordinary declared command (so manifest, permissions, help and certification all see it) whose
 * handler runs the file-queue gateway until SIGTERM/SIGINT or the caller's deadline.
 */
export function gatewayCommand(definition: Pick<ConnectorDefinition, 'tool' | 'root'>, gateway: GatewayDefinition): CommandDefinition {
  return command({
    id: 'gateway',
    summary: 'Run the messaging gateway: platform events to messages/inbox, messages/outbox to the platform',
    resource: 'message',
    action: 'write',
    risk: 2,
    input: z.object({
      home: z.string().min(1).describe('Directory holding messages/ and state/'),
      name: z.string().min(1).describe('This connector instance (the outbox subfolder)'),
    }),
    output: gatewayOutput,
    daemon: true,
    requires: gateway.requires,
    examples: [`${definition.tool} --mode write gateway --home ~/.argentos --name ${definition.tool.replace(/^aos-/, '')}`],
    async run({ home, name }, ctx) {
      if (ctx.dryRun) {
        // Nothing is sent or started: the plan says where messages would flow.
        const messages = `${home.replace(/\/+$/, '')}/messages`;
        return {
          dry_run: true,
          plan: { instance: name, adapter: gateway.adapter(ctx).type, inbox: `${messages}/inbox`, outbox: `${messages}/outbox/${name}`, failed: `${messages}/failed` },
        };
      }
      // Loaded here, not at start-up: only the gateway needs the queue machinery.
      const [{ abortOnSignals }, { runGateway }] = await Promise.all([import('./signals.js'), import('./gateway.js')]);
      const stop = abortOnSignals((line) => ctx.warn(line));
      try {
        return await runGateway({
          home,
          instance: name,
          adapter: gateway.adapter(ctx),
          signal: AbortSignal.any([stop.signal, ctx.signal]),
          log: (line) => ctx.warn(`${new Date().toISOString()} ${definition.tool}[${name}] ${line}`),
          tool: definition.tool,
          version: packageVersion(definition.root),
          mode: ctx.mode,
          scrub: ctx.scrub,
        });
      } finally {
        stop.dispose();
      }
    },
  }) as CommandDefinition;
}

/** A messaging connector's definition with its `gateway` command added (CONTRACT §9). */
export function withGateway<T extends ConnectorDefinition>(definition: T, gateway: GatewayDefinition): T {
  return { ...definition, commands: [...definition.commands, gatewayCommand(definition, gateway)] };
}
