import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInbox, writeOutgoing } from '../src/index.js';
import { tempHome } from './helpers/temp-home.js';

/**
 * The crash test CONTRACT §9 calls for: a real gateway process, SIGKILLed at random points
 * (during start-up and recovery, mid-batch, mid-send) while 1,000 messages flow in and 1,000 out,
 * restarted until the work is done. Nothing may be lost; the inbox may hold no duplicate; the
 * outbox may resend (at-least-once), and the test reports how often it did.
 */
const TOTAL = 1000;
const MAX_KILLS = 30;
const CHILD = fileURLToPath(new URL('./helpers/crash-child.ts', import.meta.url));
const CORE = fileURLToPath(new URL('../..', import.meta.url));

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startGateway(home: string, platformLog: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, home, 'main', String(TOTAL), platformLog], {
    cwd: CORE,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) onReady();
  });
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      onReady();
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { process: child, ready, exited };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function platformSends(platformLog: string): Promise<{ id: string; text: string }[]> {
  const text = await readFile(platformLog, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line));
}

async function queued(dir: string): Promise<number> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).length;
}

describe('gateway crash safety', () => {
  it(
    `loses nothing and duplicates no inbox message across ${MAX_KILLS} SIGKILLs (1,000 in, 1,000 out)`,
    async () => {
      const home = await tempHome();
      const platformLog = join(home, 'platform.log');
      const outboxDir = join(home, 'messages', 'outbox', 'main');
      const started = Date.now();
      let written = 0;
      const writeOutboxChunk = async () => {
        for (const end = Math.min(TOTAL, written + 100); written < end; written += 1) {
          await writeOutgoing(home, 'main', { conversation_id: `c-${written % 7}`, text: `out-${written}` });
        }
      };
      const done = async () => written === TOTAL && (await readInbox(home)).length === TOTAL && (await queued(outboxDir)) === 0;

      let kills = 0;
      let killsBeforeReady = 0;
      const recovered = { committed: 0, discarded: 0 };
      const countRecovery = (stdout: string) => {
        for (const match of stdout.matchAll(/recovery: (\d+) interrupted inbox write\(s\) completed, (\d+) discarded/g)) {
          recovered.committed += Number(match[1]);
          recovered.discarded += Number(match[2]);
        }
      };
      while (kills < MAX_KILLS && !(await done())) {
        const child = startGateway(home, platformLog);
        const agent = writeOutboxChunk(); // the agent queues replies while the gateway runs
        if (Math.random() < 0.2) {
          await pause(Math.random() * 400); // during start-up and crash recovery
          if (child.process.exitCode === null) killsBeforeReady += 1;
        } else {
          await child.ready;
          await pause(Math.random() * 350);
        }
        child.process.kill('SIGKILL');
        const exit = await child.exited;
        await agent;
        if (exit.signal !== 'SIGKILL') throw new Error(`gateway exited on its own (${exit.code}): ${exit.stderr}`);
        countRecovery(exit.stdout);
        kills += 1;
      }

      // A last run finishes the work, then stops on SIGTERM: a clean stop exits 0 with its counts.
      const last = startGateway(home, platformLog);
      await writeOutboxChunk();
      while (written < TOTAL) await writeOutboxChunk();
      const deadline = Date.now() + 30_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error('the gateway did not finish the work in time');
        await pause(50);
      }
      await last.ready;
      last.process.kill('SIGTERM');
      const exit = await last.exited;
      expect(exit.code, exit.stderr).toBe(0);
      countRecovery(exit.stdout);
      const lastRun = JSON.parse(exit.stdout.trim().split('\n').at(-1)!);

      // Inbox: every platform message exactly once, in platform order, nothing half-written left.
      const inbox = await readInbox(home);
      const ids = inbox.map((entry) => entry.message.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(Array.from({ length: TOTAL }, (_, n) => `m-${n}`));
      expect((await readdir(join(home, 'messages', 'inbox'))).filter((name) => name.startsWith('.'))).toEqual([]);

      // Outbox: every message accepted by the platform at least once; none failed.
      const sends = await platformSends(platformLog);
      const texts = new Set(sends.map((send) => send.text));
      expect(texts.size).toBe(TOTAL);
      expect(await readdir(join(home, 'messages', 'failed'))).toEqual([]);
      const byText = new Map<string, Set<string>>();
      for (const send of sends) byText.set(send.text, (byText.get(send.text) ?? new Set()).add(send.id));
      expect([...byText.values()].every((idsOfText) => idsOfText.size === 1)).toBe(true); // a resend keeps its id

      const report = {
        kills,
        kills_before_ready: killsBeforeReady,
        interrupted_inbox_writes: recovered,
        inbox_messages: inbox.length,
        inbox_duplicates: ids.length - new Set(ids).size,
        outbox_sends: sends.length,
        outbox_duplicate_sends: sends.length - texts.size,
        last_run: { received: lastRun.received, duplicates_skipped: lastRun.duplicates, sent: lastRun.sent, recovered: lastRun.recovered },
        duration_ms: Date.now() - started,
      };
      console.log(`crash test: ${JSON.stringify(report)}`);
      expect(kills).toBeGreaterThan(0);
    },
    // A bound for a hung run, not a speed claim: ~75 s on an idle 2-core machine, several times
    // that under heavy load, where the test must still pass.
    600_000,
  );
});
