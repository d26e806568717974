import { isAosError } from '@aos-connectors/contract';
import { loadConfig } from './config.js';
import { resolveBins, runGateways } from './runner.js';

const USAGE = `usage: aos-gateway --config <connectors.yml> [--check] [--fail-fast]
  Runs and supervises the messaging gateways listed in the file:
  each as "<connector> --mode <mode> gateway --home <home> --name <name>".
  --check       validate the file and the connectors, print the plan, run nothing
  --fail-fast   stop every instance when one fails for good (default: keep the others running)
  SIGTERM/SIGINT stop every instance cleanly; a second one kills them.
  The file may also come from AOS_GATEWAY_CONFIG.

Example connectors.yml:
  home: ~/.argentos                 # default home of every instance
  instances:
    - name: telegram-main           # outbox: <home>/messages/outbox/telegram-main/
      connector: aos-telegram       # a bin on PATH, in node_modules/.bin, or a path
      env:
        TELEGRAM_BOT_TOKEN: \${TELEGRAM_BOT_TOKEN}
    - name: support-mail
      connector: aos-email
      mode: write                   # write (default), full or admin
      env:
        EMAIL_PASSWORD: \${SUPPORT_MAIL_PASSWORD}
  Optional: restart: {base_ms, max_ms, reset_after_ms, max_restarts, stop_timeout_ms}; enabled: false.`;

interface Args {
  config: string;
  check: boolean;
  failFast: boolean;
}

function parseArgs(argv: string[], env: Record<string, string | undefined>): Args | 'help' | 'version' {
  let config = env.AOS_GATEWAY_CONFIG;
  let check = false;
  let failFast = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--version') return 'version';
    if (arg === '--check') check = true;
    else if (arg === '--fail-fast') failFast = true;
    else if (arg === '--config' || arg === '-c') config = argv[++i];
    else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
    else throw new UsageProblem(`unknown argument "${arg}"`);
  }
  if (!config) throw new UsageProblem('--config <file> is required');
  return { config, check, failFast };
}

class UsageProblem extends Error {}

/** `aos-gateway`: returns the exit code (2 usage, 4 config, else the runner's). */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, env);
  } catch (error) {
    process.stderr.write(`aos-gateway: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args === 'version') {
    const { readFileSync } = await import('node:fs');
    process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
    return 0;
  }
  try {
    const config = await loadConfig(args.config, env);
    if (args.check) {
      const bins = resolveBins(config, env);
      for (const instance of config.instances) {
        const keys = Object.keys(instance.env);
        process.stdout.write(`${instance.name}: ${bins.get(instance.name)} --mode ${instance.mode} gateway --home ${instance.home} --name ${instance.name}${keys.length ? ` (env: ${keys.join(', ')})` : ''}\n`);
      }
      if (config.disabled.length) process.stdout.write(`disabled: ${config.disabled.join(', ')}\n`);
      return 0;
    }
    const stop = new AbortController();
    let received: NodeJS.Signals = 'SIGTERM';
    const kill = new AbortController();
    const onSignal = (name: NodeJS.Signals) => {
      if (kill.signal.aborted) process.exit(name === 'SIGINT' ? 130 : 143);
      if (stop.signal.aborted) {
        process.stderr.write(`aos-gateway: ${name} again: killing every instance\n`);
        kill.abort();
        return;
      }
      received = name;
      stop.abort();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      const { exitCode } = await runGateways(config, {
        env,
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        failFast: args.failFast,
        signal: stop.signal,
        kill: kill.signal,
        stopSignal: () => received,
      });
      return exitCode;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  } catch (error) {
    if (!isAosError(error)) throw error;
    process.stderr.write(`aos-gateway: ${error.code}: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return error.exitCode;
  }
}
