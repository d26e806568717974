import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { isAosError, type AosError } from '@aos-connectors/contract';

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aos-policy-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a policy file into `dir` and returns an env pointing AOS_POLICY at it. */
export function policyEnv(dir: string, policy: unknown): Record<string, string> {
  const path = join(dir, 'policy.json');
  writeFileSync(path, typeof policy === 'string' ? policy : JSON.stringify(policy));
  return { AOS_POLICY: path, HOME: dir };
}

/** The AosError a call throws (sync or async), failing the test when it does not throw one. */
export async function caught(work: () => unknown): Promise<AosError> {
  try {
    await work();
  } catch (error) {
    if (isAosError(error)) return error;
    throw error;
  }
  throw new Error('expected an AosError, but the call succeeded');
}

export interface TestServer {
  url: string;
  port: number;
  hits: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 recording every request it gets. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<TestServer> {
  const hits: TestServer['hits'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const result: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  onTestFinished(() => result.close());
  return result;
}

const WORKER = fileURLToPath(new URL('./fixtures/state-worker.ts', import.meta.url));
const CORE = fileURLToPath(new URL('../..', import.meta.url));

/** Runs fixtures/state-worker.ts in a separate Node process; resolves with its JSON answer. */
export function runWorker(args: string[]): Promise<{ ok: boolean; code?: string; details?: Record<string, unknown>; data?: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: CORE, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`worker exited ${code}: ${stdout}\n${stderr}`));
      }
    });
  });
}
