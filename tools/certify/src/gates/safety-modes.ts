import { MODES, modeAllows } from '@aos-connectors/core';
import type { Checks } from '../checks.js';
import { ok, type CertifyContext } from '../context.js';
import { readEnvelope } from '../envelope.js';
import { excerpt } from '../text.js';

const requestList = (requests: { method: string; url: string }[]) => requests.map((r) => `${r.method} ${r.url}`).join(', ');

/** CONTRACT §4: a lower mode is refused (exit 3) before anything is sent; --dry-run sends nothing. */
export async function modeChecks(ctx: CertifyContext, checks: Checks): Promise<void> {
  const { runner, facts } = ctx;
  const gated = facts.commands.filter((command) => command.required_mode !== 'readonly');

  await checks.guard('every lower mode is refused with exit 3 and sends nothing', 'Check the mode first in the execution path (the core harness does).', async () => {
    const argsOf = new Map(await Promise.all(gated.map(async (command) => [command.id, await ctx.args(command)] as const)));
    const calls = gated.flatMap((command) =>
      MODES.filter((mode) => !modeAllows(mode, command.required_mode)).flatMap((mode) => {
        const args = argsOf.get(command.id);
        // Without arguments the gate must still come first (before validation); with them it is a real call.
        return [[], ...(args ? [args] : [])].map((extra) => ({ command, mode, argv: ['--json', '--mode', mode, ...command.path, ...extra] }));
      }),
    );
    const problems: string[] = [];
    await Promise.all(
      calls.map(({ command, mode, argv }) =>
        ctx.withServer(ok, async (server) => {
          const result = await ctx.call(argv, server.url);
          const { envelope, problem } = readEnvelope(result);
          const call = runner.describe(result);
          if (server.requests.length > 0) problems.push(`${call}: ${server.requests.length} request(s) reached the server (${requestList(server.requests)})`);
          if (!envelope) problems.push(`${call}: ${problem}`);
          else if (envelope.ok || envelope.error.code !== 'PERMISSION_DENIED' || result.exitCode !== 3) {
            problems.push(`${call}: ${envelope.ok ? 'ok' : envelope.error.code} with exit ${result.exitCode}, expected PERMISSION_DENIED with exit 3`);
          } else {
            const details = envelope.error.details as { required_mode?: string; actual_mode?: string };
            if (details.required_mode !== command.required_mode || details.actual_mode !== mode) problems.push(`${call}: details do not name required_mode ${command.required_mode} and actual_mode ${mode}`);
          }
        }),
      ),
    );
    checks.expectNone(
      'every lower mode is refused with exit 3 and sends nothing',
      problems,
      gated.length ? `${calls.length} denied calls of ${gated.length} gated commands, 0 requests reached the server` : 'no command needs more than readonly',
      'Check --mode against the command\'s required mode before validating input and before any request (CONTRACT §4).',
    );
  });

  const writes = facts.commands.filter((command) => command.action_class !== 'read');
  await checks.guard('--dry-run on every write returns the request and sends nothing', 'Use ctx.http for every request so the core can capture it.', async () => {
    const problems: string[] = [];
    await Promise.all(
      writes.map((command) =>
        ctx.withServer(ok, async (server) => {
          if (!command.dry_run) problems.push(`${command.id}: capabilities says dry_run: false`);
          const args = await ctx.args(command);
          if (!args) {
            problems.push(`${command.id}: no valid arguments could be built from its input schema; declare them in package.json "aos": {"certify": {"samples": {"${command.id}": [...]}}}`);
            return;
          }
          const result = await ctx.call(['--json', '--dry-run', '--timeout-ms', '10000', ...command.path, ...args], server.url);
          const { envelope, problem } = readEnvelope(result);
          const call = runner.describe(result);
          if (server.requests.length > 0) problems.push(`${call}: ${server.requests.length} request(s) reached the server (${requestList(server.requests)})`);
          if (!envelope) problems.push(`${call}: ${problem}`);
          else if (!envelope.ok) {
            // Arguments certification made up may be what is wrong; a refused dry run is not.
            const invalid = result.exitCode === 2 && !/dry.?run/i.test(envelope.error.message);
            const hint = invalid ? `; if these arguments are not valid, declare valid ones in package.json "aos": {"certify": {"samples": {"${command.id}": [...]}}}` : '';
            problems.push(`${call}: ${envelope.error.code} "${excerpt(envelope.error.message, 100)}" (exit ${result.exitCode})${hint}`);
          }
          else {
            const data = envelope.data as { request?: { method?: unknown; url?: unknown }; plan?: unknown } | null;
            const request = data?.request;
            // HTTP writes show the planned request; others (a gateway, SMTP) show a plan object.
            const planned = (typeof request?.method === 'string' && typeof request.url === 'string') || (typeof data?.plan === 'object' && data.plan !== null);
            if (envelope.meta.dry_run !== true) problems.push(`${call}: meta.dry_run is not true`);
            if (!planned) problems.push(`${call}: data has neither request {method, url} nor a plan`);
          }
        }),
      ),
    );
    checks.expectNone(
      '--dry-run on every write returns the request and sends nothing',
      problems,
      writes.length ? `${writes.length} writes dry-run in mode readonly, 0 requests reached the server` : 'no write commands',
      'Send every request through ctx.http: under --dry-run the core returns the planned request instead of sending it (CONTRACT §4).',
    );
  });
}
