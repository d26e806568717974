import { closedPortUrl, replies, type Reply } from '@aos-connectors/core/testing';
import type { Checks } from '../checks.js';
import type { CertifyContext, CommandInfo } from '../context.js';
import { readEnvelope } from '../envelope.js';
import { expectError } from '../expect.js';
import { excerpt, hasStackTrace } from '../text.js';

interface Failure {
  name: string;
  reply: Reply | 'closed-port';
  code: string;
  exit: number;
}

/** The backend failures every read must turn into the right code, exit and a readable message. */
export const FAILURES: Failure[] = [
  { name: '500', reply: replies.json(500, { message: 'Internal Server Error' }), code: 'BACKEND_UNAVAILABLE', exit: 5 },
  { name: '401', reply: replies.json(401, { message: 'Bad credentials' }), code: 'AUTH_FAILED', exit: 4 },
  { name: '404', reply: replies.json(404, { message: 'Not Found' }), code: 'NOT_FOUND', exit: 6 },
  { name: '429 Retry-After', reply: replies.json(429, { message: 'Too Many Requests' }, { 'retry-after': '120' }), code: 'RATE_LIMITED', exit: 5 },
  { name: 'malformed JSON', reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"items": [' }, code: 'BACKEND_UNAVAILABLE', exit: 5 },
  { name: 'closed port', reply: 'closed-port', code: 'BACKEND_UNAVAILABLE', exit: 5 },
];

async function failOnce(ctx: CertifyContext, command: CommandInfo, args: string[], failure: Failure, json: boolean): Promise<string | undefined> {
  const argv = [...(json ? ['--json'] : []), '--timeout-ms', '8000', ...command.path, ...args];
  const run = (url: string) => ctx.runner.run(argv, ctx.callEnv(url));
  const result = failure.reply === 'closed-port'
    ? await run(await closedPortUrl())
    : await ctx.withServer(() => failure.reply as Reply, (server) => run(server.url));
  const label = `${failure.name}: `;
  if (!json) {
    // People read stderr: one readable line, the right exit, no stack trace, nothing on stdout.
    if (result.exitCode !== failure.exit) return `${label}${ctx.runner.describe(result)} exited ${result.exitCode}, expected ${failure.exit}`;
    if (!result.stderr.trim() || hasStackTrace(result.stderr)) return `${label}${ctx.runner.describe(result)} stderr is ${result.stderr.trim() ? 'a stack trace' : 'empty'}: ${excerpt(result.stderr, 100)}`;
    return undefined;
  }
  const problem = expectError(ctx.runner, result, failure.code, failure.exit);
  if (problem) return label + problem;
  if (failure.code === 'RATE_LIMITED') {
    const { envelope } = readEnvelope(result);
    const details = envelope && !envelope.ok ? (envelope.error.details as { retry_after_s?: unknown }) : {};
    if (details.retry_after_s !== 120) return `${label}${ctx.runner.describe(result)}: details.retry_after_s is ${JSON.stringify(details.retry_after_s)}, expected 120 from Retry-After`;
  }
  return undefined;
}

/** CONTRACT §3: each read command fails understandably on 500, 401, 404, 429, malformed JSON and no server. */
export async function errorChecks(ctx: CertifyContext, checks: Checks): Promise<void> {
  const name = 'read commands fail with the right code, exit and a readable message';
  await checks.guard(name, 'Map vendor errors with the core HTTP client (ctx.http).', async () => {
    const reads = ctx.facts.commands.filter((command) => command.action_class === 'read');
    if (!ctx.facts.baseUrlKey) {
      if (reads.length) checks.fail(name, 'no *_API_URL / *_BASE_URL in auth.config_keys, so the API cannot be pointed at a test server', 'Read the base URL from a <VENDOR>_API_URL setting (CONTRACT §6).');
      else checks.pass(name, 'no read commands');
      return;
    }
    const problems: string[] = [];
    let calls = 0;
    await Promise.all(
      reads.map(async (command, index) => {
        const args = await ctx.args(command);
        if (!args) {
          problems.push(`${command.id}: no valid arguments could be built; declare them in package.json "aos": {"certify": {"samples": {"${command.id}": [...]}}}`);
          return;
        }
        // Human output of an error takes the same path for every command: checked on the first read.
        const found = await Promise.all([
          ...FAILURES.map((failure) => failOnce(ctx, command, args, failure, true)),
          ...(index === 0 ? [failOnce(ctx, command, args, FAILURES[0]!, false)] : []),
        ]);
        calls += found.length;
        problems.push(...found.filter((p): p is string => p !== undefined));
      }),
    );
    checks.expectNone(
      name,
      problems,
      `${reads.length} read commands × ${FAILURES.map((f) => f.name).join(', ')} (and a 500 in human mode): ${calls} calls, each the right code and exit`,
      'Make every request through ctx.http (the core maps statuses and network errors to the contract\'s codes) and throw AosError subclasses with one factual sentence.',
    );
  });
}
