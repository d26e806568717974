import { replies, type RecordedRequest } from '@aos-connectors/testing';
import type { Checks } from '../checks.js';
import { CANARY, type CertifyContext } from '../context.js';
import type { RunResult } from '../runner.js';

/**
 * A vendor that echoes the request (headers carry the credentials) back in its answer. Errors
 * use 422: a status no client retries, so a thousand runs do not wait out backoffs.
 */
const echo = (status: number) => (request: RecordedRequest) =>
  replies.json(status, { message: `echo ${JSON.stringify(request.headers)} ${request.url} ${request.body}`, echo: request.headers });

/** Where a run leaked the canary, if it did. */
export function leaks(result: RunResult): string[] {
  return (
    [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
      ['audit log', result.audit],
    ] as const
  )
    .filter(([, text]) => text.includes(CANARY))
    .map(([where]) => where);
}

/** CONTRACT §2: with every secret set, no output of any command in any mode contains it. */
export async function secretChecks(ctx: CertifyContext, checks: Checks): Promise<void> {
  const { runner, facts } = ctx;
  const name = 'no secret in any output, any mode (stdout, stderr, audit log)';
  if (facts.secretKeys.length === 0) {
    checks.pass(name, 'the connector declares no secrets (auth.service_keys is empty)');
    return;
  }
  await checks.guard(name, 'Resolve secrets through the core settings so its scrubber knows them.', async () => {
    const builtins = [['capabilities'], ['health'], ['config', 'show'], ['doctor'], ['--version'], ['--help']];
    const pathsWithArgs = await Promise.all(facts.commands.map(async (command) => ({ command, path: [...command.path, ...((await ctx.args(command)) ?? [])] })));
    // Modes below a command's own were all run with the canary by the mode-gate check (denied
    // calls); here each command runs in its own mode (JSON, the vendor echoing on success) and in
    // admin (for people, the vendor echoing in an error); the modes between take the same path.
    // A deadline, so a long-running command (a messaging gateway) stops on its own.
    const calls: { argv: string[]; status: number }[] = [
      ...builtins.flatMap((argv) => [{ argv: ['--json', '--verbose', ...argv], status: 422 }, { argv: ['--verbose', ...argv], status: 200 }]),
      ...pathsWithArgs.flatMap(({ command, path }) => [
        { argv: ['--json', '--verbose', '--timeout-ms', '5000', '--mode', command.required_mode, ...path], status: 200 },
        { argv: ['--verbose', '--timeout-ms', '5000', '--mode', 'admin', ...path], status: 422 },
      ]),
    ];
    await Promise.all(calls.map(({ argv, status }) => ctx.withServer(echo(status), (server) => ctx.call(argv, server.url))));
    // Every run so far counts, the contract checks' included.
    const leaked = runner.history.flatMap((result) => {
      const where = leaks(result);
      return where.length ? [`${runner.describe(result)}: secret in ${where.join(', ')}`] : [];
    });
    checks.expectNone(
      name,
      leaked,
      `${runner.history.length} runs with ${facts.secretKeys.join(', ')} set to a canary (built-ins, every command in every mode, the vendor echoing headers): never printed`,
      'Never print or log a secret value: read it via ctx.settings / the HTTP profile so the core scrubs it from stdout, stderr and the audit log.',
    );
  });
}
