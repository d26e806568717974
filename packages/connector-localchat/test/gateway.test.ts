import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messageSchema } from '@aos-connectors/messaging';

const BIN = fileURLToPath(new URL('../bin/aos-localchat.js', import.meta.url));

/** The built bin as a real process: stdin is the chat, stdout shows replies, SIGTERM stops it. */
function chat(home: string, env: Record<string, string> = {}, argv: string[] = []) {
  const scratch = mkdtempSync(join(tmpdir(), 'aos-localchat-'));
  const child = spawn(process.execPath, [BIN, ...argv, '--mode', 'write', 'gateway', '--home', home, '--name', 'local'], {
    env: { PATH: process.env.PATH ?? '', HOME: scratch, AOS_AUDIT_DIR: join(scratch, 'audit'), LOCALCHAT_USER: 'ann', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

const inbox = (home: string) => {
  try {
    return readdirSync(join(home, 'messages', 'inbox')).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
};

async function eventually<T>(check: () => T | false | undefined, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('aos-localchat gateway (a real process on stdin/stdout)', () => {
  it('turns each typed line into an inbox message and prints outbox replies, until SIGTERM', async () => {
    const home = mkdtempSync(join(tmpdir(), 'aos-localchat-home-'));
    const run = chat(home);
    run.child.stdin.write('hello agent\n\n   \nsecond line\n');
    const files = await eventually(() => inbox(home).length === 2 && inbox(home), 'two inbox messages');
    const messages = files.map((f) => messageSchema.parse(JSON.parse(readFileSync(join(home, 'messages', 'inbox', f), 'utf8'))));
    expect(messages.map((m) => m.content.text)).toEqual(['hello agent', 'second line']);
    expect(messages[0]).toMatchObject({
      connector: { type: 'localchat', instance: 'local' },
      sender: { id: 'ann', username: 'ann' },
      conversation: { id: 'local', type: 'dm' },
    });
    expect(new Set(messages.map((m) => m.id)).size).toBe(2);

    const outbox = join(home, 'messages', 'outbox', 'local');
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, '0001.json'), JSON.stringify({ conversation_id: 'local', text: 'Hi Ann, how can I help?' }));
    await eventually(() => run.out().includes('Hi Ann, how can I help?\n'), 'the reply on stdout');
    // The file is deleted once the platform (stdout here) accepted it: just after the reply shows.
    await eventually(() => readdirSync(outbox).length === 0, 'the sent file deleted from the outbox');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.err()).toMatch(/aos-localchat\[local\] stopped/);
  });

  it('keeps sending after stdin ends, prints JSON replies, and keeps a --json stdout clean with LOCALCHAT_OUTPUT=stderr', async () => {
    const home = mkdtempSync(join(tmpdir(), 'aos-localchat-home-'));
    const run = chat(home, { LOCALCHAT_FORMAT: 'json', LOCALCHAT_OUTPUT: 'stderr' }, ['--json']);
    run.child.stdin.end('only line\n');
    await eventually(() => run.err().includes('receive: the source has ended'), 'the end of input');
    const outbox = join(home, 'messages', 'outbox', 'local');
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, '0001.json'), JSON.stringify({ conversation_id: 'local', text: 'Still here.', thread_id: 't1' }));
    await eventually(() => run.err().includes('"text":"Still here."'), 'the JSON reply');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const lines = run.out().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: true, command: 'gateway', data: { instance: 'local', received: 1, sent: 1 } });
    expect(inbox(home)).toHaveLength(1);
  });

  it('refuses to run below mode write (exit 3) and reads nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'aos-localchat-home-'));
    const scratch = mkdtempSync(join(tmpdir(), 'aos-localchat-'));
    const child = spawn(process.execPath, [BIN, '--json', 'gateway', '--home', home, '--name', 'local'], { env: { PATH: process.env.PATH ?? '', HOME: scratch, AOS_AUDIT: 'off' }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end('ignored\n');
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(3);
    expect(JSON.parse(stdout).error.code).toBe('PERMISSION_DENIED');
    expect(inbox(home)).toEqual([]);
  });
});
