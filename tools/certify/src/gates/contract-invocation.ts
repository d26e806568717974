import type { Checks } from '../checks.js';
import { ok, type CertifyContext } from '../context.js';
import { expectError, expectOk } from '../expect.js';
import type { StartupTiming } from '../startup.js';

const HARNESS_FIX = 'Let the core harness parse argv (global flags anywhere, id.split(".") paths, one envelope per outcome).';
export const STARTUP_BUDGET = 1.5;

/** CONTRACT §1–2: every id reachable, global flags anywhere, usage errors as envelopes, fast start-up. */
export async function invocationChecks(ctx: CertifyContext, checks: Checks, startup: StartupTiming | undefined): Promise<void> {
  const { runner, facts } = ctx;

  await checks.guard('every command id is invocable by id.split(".")', HARNESS_FIX, async () => {
    const calls = facts.commands.flatMap((command) => {
      const variants = [command.path];
      if (command.id.includes('_')) variants.push(command.id.replaceAll('_', '-').split('.'));
      return variants.map((path) => ({ command, path }));
    });
    const problems: string[] = [];
    await Promise.all(
      calls.map(async ({ command, path }) => {
        const result = await runner.run(['--json', ...path, '--help']);
        const { envelope, problem } = expectOk(runner, result);
        if (problem) problems.push(problem);
        else if (envelope!.command !== command.id) problems.push(`${runner.describe(result)}: envelope names "${envelope!.command}", not ${command.id}`);
      }),
    );
    checks.expectNone('every command id is invocable by id.split(".")', problems, `${calls.length} paths answer --help with an ok envelope`, HARNESS_FIX);
  });

  await checks.guard('global flags are accepted after the command', HARNESS_FIX, async () => {
    const first = facts.commands[0];
    const calls = [
      ['doctor', '--json', '--mode', 'readonly'],
      ['capabilities', '--json'],
      ['config', 'show', '--mode=write', '--json'],
      ...(first ? [[...first.path, '--help', '--json']] : []),
    ];
    const problems: string[] = [];
    await Promise.all(
      calls.map(async (argv) => {
        const result = await ctx.call(argv, undefined);
        const { envelope, problem } = expectOk(runner, result);
        if (problem) problems.push(problem);
        else if (argv.includes('--mode=write') && envelope!.meta.mode !== 'write') problems.push(`${runner.describe(result)}: meta.mode is ${envelope!.meta.mode}`);
      }),
    );
    checks.expectNone('global flags are accepted after the command', problems, `${calls.length} calls with --json/--mode after the command path`, HARNESS_FIX);
  });

  await checks.guard('usage errors answer with one INVALID_USAGE envelope (exit 2)', HARNESS_FIX, async () => {
    await ctx.withServer(ok, async (server) => {
      const first = facts.commands[0];
      const firstArgs = first ? ((await ctx.args(first)) ?? []) : [];
      const calls = [
        ['--json', 'no-such-command'],
        ['--json', '--mode', 'root', 'capabilities'],
        ['--json'],
        ...(first ? [['--json', '--mode', 'admin', ...first.path, ...firstArgs, '--no-such-flag']] : []),
      ];
      const results = await Promise.all(calls.map((argv) => ctx.call(argv, server.url)));
      const problems = results.map((result) => expectError(runner, result, 'INVALID_USAGE', 2)).filter((p): p is string => p !== undefined);
      if (server.requests.length > 0) problems.push(`usage errors sent ${server.requests.length} request(s)`);
      checks.expectNone('usage errors answer with one INVALID_USAGE envelope (exit 2)', problems, 'unknown command, bad --mode, missing command and unknown flag: one JSON envelope each, exit 2', 'Under --json, print exactly one {"ok":false,...,"error":{"code":"INVALID_USAGE"}} envelope and exit 2 for every usage error (CONTRACT §2–3).');
    });
  });

  const name = `--json capabilities starts within ${STARTUP_BUDGET}× node -e ''`;
  if (!startup) checks.fail(name, 'not measured', 'Run aos-certify without --skip-startup.');
  else {
    const evidence = `best of runs ${startup.capabilitiesMs.toFixed(0)} ms vs node -e '' ${startup.baselineMs.toFixed(0)} ms (${startup.ratio.toFixed(2)}×)`;
    if (startup.ratio <= STARTUP_BUDGET) checks.pass(name, evidence);
    else checks.fail(name, evidence, 'Answer --version and --json capabilities on the core fast path (runBin from @aos-connectors/core/fast) with the compile cache enabled; import nothing heavy at the top of the bin.');
  }
}
