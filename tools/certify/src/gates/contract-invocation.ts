import type { Checks } from '../checks.js';
import { ok, type CertifyContext } from '../context.js';
import { expectError, expectOk } from '../expect.js';
import { describeFiles, FAST_PATH_MAX_FILES, HEAVY_LIBRARIES, type StartupTrace } from '../startup.js';
import { excerpt } from '../text.js';

const HARNESS_FIX = 'Let the core harness parse argv (global flags anywhere, id.split(".") paths, one envelope per outcome).';

/** CONTRACT §1–2: every id reachable, global flags anywhere, usage errors as envelopes, a light start-up. */
export async function invocationChecks(ctx: CertifyContext, checks: Checks, startup: StartupTrace | undefined): Promise<void> {
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

  startupCheck(ctx, checks, startup);
}

export const FAST_PATH_CHECK = `--json capabilities loads only the fast path (no ${HEAVY_LIBRARIES.join(', ')}; at most ${FAST_PATH_MAX_FILES} files)`;
const FAST_PATH_FIX =
  'Answer --version and --json capabilities from the bundled fast path: bin/<tool>.js imports ../dist/main.js (built by `aos-connector bundle`), which must not import dist/cli.js, the definition or any library at the top; everything else loads dist/cli.js on demand.';

/**
 * CONTRACT §1 start-up, checked by what loads rather than by wall time (deterministic under any
 * load; `npm run bench` measures the time): no heavy library, and only a few files.
 */
function startupCheck(ctx: CertifyContext, checks: Checks, startup: StartupTrace | undefined): void {
  const name = FAST_PATH_CHECK;
  if (!startup) return checks.fail(name, 'not traced', 'Run aos-certify with the contract gate.');
  if (startup.problem) return checks.fail(name, startup.problem, 'Run aos-certify on Node ≥ 22.15 (module.registerHooks) or ≥ 20.6 (module.register).');
  const loaded = `${startup.files.length} file(s), ${(startup.bytes / 1024).toFixed(1)} KiB: ${excerpt(describeFiles(startup.files, ctx.pkg.dir), 300)}`;
  if (startup.exitCode !== 0 || !startup.stdout.trimStart().startsWith('{"ok":true')) {
    return checks.fail(name, `exit ${startup.exitCode}: ${excerpt(startup.stdout || startup.stderr, 200)}`, FAST_PATH_FIX);
  }
  const problems: string[] = [];
  if (startup.heavy.length) problems.push(`loads ${startup.heavy.join(', ')}`);
  if (startup.files.length > FAST_PATH_MAX_FILES) problems.push(`loads ${startup.files.length} files (more than ${FAST_PATH_MAX_FILES})`);
  if (problems.length) checks.fail(name, `${problems.join('; ')}; ${loaded}`, FAST_PATH_FIX);
  else checks.pass(name, loaded);
}
