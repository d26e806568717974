import { closedPortUrl, replies, type Reply } from '@aos-connectors/testing';
import type { Checks } from '../checks.js';
import { socketSettings, type CertifyContext, type CommandInfo } from '../context.js';
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

interface Outcome {
  problem?: string;
  /** Requests the server received (none for the closed port). */
  requests: number;
  exitCode: number | null;
}

async function failOnce(ctx: CertifyContext, command: CommandInfo, args: string[], failure: Failure, json: boolean): Promise<Outcome> {
  const argv = [...(json ? ['--json'] : []), '--timeout-ms', '8000', ...command.path, ...args];
  const [result, requests] = failure.reply === 'closed-port'
    ? [await ctx.call(argv, await closedPortUrl()), 0]
    : await ctx.withServer(() => failure.reply as Reply, async (server) => [await ctx.call(argv, server.url), server.requests.length] as const);
  const call = ctx.runner.describe(result);
  const outcome = (problem?: string): Outcome => ({ problem: problem && `${failure.name}: ${problem}`, requests, exitCode: result.exitCode });
  if (!json) {
    // People read stderr: one readable line, the right exit, no stack trace.
    if (result.exitCode !== failure.exit) return outcome(`${call} exited ${result.exitCode}, expected ${failure.exit}`);
    if (!result.stderr.trim() || hasStackTrace(result.stderr)) return outcome(`${call} stderr is ${result.stderr.trim() ? 'a stack trace' : 'empty'}: ${excerpt(result.stderr, 100)}`);
    return outcome();
  }
  const problem = expectError(ctx.runner, result, failure.code, failure.exit);
  if (problem) return outcome(problem);
  if (failure.code === 'RATE_LIMITED') {
    const { envelope } = readEnvelope(result);
    const details = envelope && !envelope.ok ? (envelope.error.details as { retry_after_s?: unknown }) : {};
    if (details.retry_after_s !== 120) return outcome(`${call}: details.retry_after_s is ${JSON.stringify(details.retry_after_s)}, expected 120 from Retry-After`);
  }
  return outcome();
}

async function closedSocket(ctx: CertifyContext, command: CommandInfo, args: string[], sockets: { host: string; port: string }[]): Promise<string | undefined> {
  const port = new URL(await closedPortUrl()).port;
  const env = Object.fromEntries(sockets.flatMap(({ host, port: portKey }) => [[host, '127.0.0.1'], [portKey, port]]));
  const result = await ctx.call(['--json', '--timeout-ms', '8000', ...command.path, ...args], undefined, { env });
  const problem = expectError(ctx.runner, result, 'BACKEND_UNAVAILABLE', 5);
  return problem && `closed port: ${problem}`;
}

/** CONTRACT §3: each read command fails understandably on 500, 401, 404, 429, malformed JSON and no server. */
export async function errorChecks(ctx: CertifyContext, checks: Checks): Promise<void> {
  const name = 'read commands fail with the right code, exit and a readable message';
  await checks.guard(name, 'Map vendor errors with the core HTTP client (ctx.http).', async () => {
    const reads = ctx.facts.commands.filter((command) => command.action_class === 'read');
    const problems: string[] = [];
    const offline: string[] = [];
    const socketOnly: string[] = [];
    let tested = 0;
    let calls = 0;
    await Promise.all(
      reads.map(async (command) => {
        const args = await ctx.args(command);
        if (!args) {
          problems.push(`${command.id}: no valid arguments could be built; declare them in package.json "aos": {"certify": {"samples": {"${command.id}": [...]}}}`);
          return;
        }
        if (!ctx.pointable(args)) {
          const sockets = socketSettings(ctx.facts.configKeys);
          if (!sockets.length) {
            problems.push(`${command.id}: neither a *_API_URL / *_BASE_URL setting, a URL argument nor *_HOST/*_PORT settings let certification point it at a test server`);
            return;
          }
          // Not HTTP (IMAP, SMTP...): only "nothing listens" applies, with every host at a closed port.
          const problem = await closedSocket(ctx, command, args, sockets);
          if (problem) problems.push(problem);
          socketOnly.push(command.id);
          return;
        }
        const first = await failOnce(ctx, command, args, FAILURES[0]!, true);
        if (first.requests === 0 && first.exitCode === 0) {
          offline.push(command.id); // Answers without any request: no backend to fail.
          return;
        }
        // Human output of an error takes the same path for every command: checked on the first read tested.
        const human = tested++ === 0;
        const rest = await Promise.all([
          ...FAILURES.slice(1).map((failure) => failOnce(ctx, command, args, failure, true)),
          ...(human ? [failOnce(ctx, command, args, FAILURES[0]!, false)] : []),
        ]);
        calls += 1 + rest.length;
        problems.push(...[first, ...rest].flatMap((o) => (o.problem ? [o.problem] : [])));
      }),
    );
    const parts = [
      tested ? `${tested} read commands × ${FAILURES.map((f) => f.name).join(', ')} (and a 500 in human mode): ${calls} calls, each the right code and exit` : '',
      socketOnly.length ? `${socketOnly.join(', ')} (not HTTP) fail understandably against a closed port` : '',
      offline.length ? `${offline.join(', ')} made no request (offline)` : '',
    ].filter(Boolean);
    checks.expectNone(
      name,
      problems,
      parts.join('; ') || 'no read commands',
      'Make every request through ctx.http (the core maps statuses and network errors to the contract\'s codes) and throw AosError subclasses with one factual sentence; read the base URL from a <VENDOR>_API_URL setting (CONTRACT §6).',
    );
  });
}
