import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';
import { eventually, FAKE, writeConfig } from './support.js';

const BIN = fileURLToPath(new URL('../bin/aos-gateway.js', import.meta.url));
const LOCALCHAT = join(dirname(createRequire(import.meta.url).resolve('aos-localchat/package.json')), 'bin', 'aos-localchat.js');
const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'aos-gw-home-')), FAKE });

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

const runSync = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, encoding: 'utf8' });

describe('the aos-gateway bin', () => {
  it('forwards SIGTERM to every instance, waits for their clean exits, and exits 0', async () => {
    const file = writeConfig('instances:\n  - { name: one, connector: "${FAKE}", home: /tmp/aos-h }\n  - { name: two, connector: "${FAKE}", home: /tmp/aos-h }\n');
    const run = start(['--config', file]);
    await eventually(() => run.err().includes('[one] running') && run.err().includes('[two] running'), 'both instances');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.err()).toContain('[one] got SIGTERM, stopping');
    expect(run.err()).toContain('[two] got SIGTERM, stopping');
    expect(run.err()).toMatch(/stop requested: stopping 2 instance\(s\) with SIGTERM/);
  });

  it('forwards SIGINT as SIGINT, once (the instances are in their own process group)', async () => {
    const file = writeConfig('instances:\n  - { name: one, connector: "${FAKE}", home: /tmp/aos-h }\n');
    const run = start(['--config', file]);
    await eventually(() => run.err().includes('[one] running'), 'the instance');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.err().match(/got SIGINT/g)).toHaveLength(1);
  });

  it('runs a real connector: aos-localchat prints an outbox reply, prefixed with its instance name', async () => {
    const home = mkdtempSync(join(tmpdir(), 'aos-gw-chat-'));
    const file = writeConfig(`instances:\n  - name: chat\n    connector: ${LOCALCHAT}\n    home: ${home}\n    env: { LOCALCHAT_USER: ann }\n`);
    const run = start(['--config', file]);
    await eventually(() => run.err().includes('aos-localchat[chat] started'), 'the gateway');
    const outbox = join(home, 'messages', 'outbox', 'chat');
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, '0001.json'), JSON.stringify({ conversation_id: 'local', text: 'Hello from the agent' }));
    await eventually(() => run.out().includes('[chat] Hello from the agent\n'), 'the reply', 15_000);
    expect(readdirSync(outbox)).toEqual([]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.err()).toMatch(/\[chat\] .*aos-localchat\[chat\] stopped/);
  });

  it('--check prints the plan with env names only, and runs nothing', () => {
    const file = writeConfig('instances:\n  - { name: tg, connector: "${FAKE}", home: /tmp/aos-h, env: { TELEGRAM_BOT_TOKEN: "${TOKEN}" } }\n');
    const result = runSync(['--config', file, '--check'], { TOKEN: 'secret-token-value' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`tg: ${FAKE} --mode write gateway --home /tmp/aos-h --name tg (env: TELEGRAM_BOT_TOKEN)\n`);
    expect(result.stdout + result.stderr).not.toContain('secret-token-value');
  });

  it('an unset variable exits 4 with CONFIG_ERROR naming it', () => {
    const file = writeConfig('instances:\n  - { name: tg, connector: aos-telegram, home: /tmp/h, env: { TELEGRAM_BOT_TOKEN: "${TELEGRAM_BOT_TOKEN}" } }\n');
    const result = runSync(['--config', file]);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^aos-gateway: CONFIG_ERROR: .*environment variable not set: \$\{TELEGRAM_BOT_TOKEN\}/);
    expect(result.stderr).toContain('hint: Set them, or give a default with ${NAME:-default}.');
  });

  it('usage errors exit 2; --help and --version exit 0', () => {
    expect(runSync([]).status).toBe(2);
    expect(runSync(['--config', 'x.yml', '--bogus']).stderr).toContain('unknown argument "--bogus"');
    expect(runSync(['--help']).stdout).toContain('usage: aos-gateway --config <connectors.yml>');
    expect(runSync(['--help']).stdout).toContain('Example connectors.yml:');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(runSync(['--version']).stdout.trim()).toBe(version);
  });

  it('--help shows a connectors.yml example that loads as it is', async () => {
    const help = runSync(['--help']).stdout;
    const lines = help.split('\n');
    const start = lines.indexOf('Example connectors.yml:') + 1;
    const end = lines.findIndex((line) => line.startsWith('  Optional:'));
    const yaml = lines.slice(start, end).map((line) => line.slice(2)).join('\n');
    expect(yaml).toContain('connector: aos-telegram');
    const config = await loadConfig(writeConfig(yaml), { TELEGRAM_BOT_TOKEN: '1:a', SUPPORT_MAIL_PASSWORD: 'pw' });
    expect(config.instances.map((instance) => instance.name)).toEqual(['telegram-main', 'support-mail']);
  });
});
