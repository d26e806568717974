import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/aos-email.js', import.meta.url));

export interface GatewayProcess {
  /** Resolves with the exit code and output once the process ends. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stderr(): string;
  /** SIGTERM, as a supervisor stops it; resolves when it has exited. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** The built `aos-email` bin running `gateway` as a real process, so signals are real too. */
export function startGateway(home: string, env: Record<string, string>, name = 'mail'): GatewayProcess {
  const scratch = mkdtempSync(join(tmpdir(), 'aos-email-gw-'));
  const child = spawn(process.execPath, [BIN, '--json', '--mode', 'write', 'gateway', '--home', home, '--name', name], {
    env: { PATH: process.env.PATH ?? '', HOME: scratch, AOS_AUDIT_DIR: join(scratch, 'audit'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    exited,
    stderr: () => stderr,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export const inboxFiles = (home: string) => {
  try {
    return readdirSync(join(home, 'messages', 'inbox')).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
};

export const readInboxFile = (home: string, file: string) => JSON.parse(readFileSync(join(home, 'messages', 'inbox', file), 'utf8'));

export function readState(home: string, name = 'mail'): { cursor: { uidvalidity: string; last_uid: number } } | undefined {
  try {
    return JSON.parse(readFileSync(join(home, 'state', `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}
