// Issue 11 finding 6a/6b against the built bin (bin/aos-github.js → dist/main.js → dist/cli.js):
// a reader closing stdout early, and SIGTERM during a streamed `--all`.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/aos-github.js', import.meta.url));
const STACK = /EPIPE|\n\s+at |Error:|node:internal/;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A GitHub-like `/user/repos` with Link paging; pages after the first wait `delayMs`. */
async function pagingServer(pages: number, perPage: number, delayMs: number): Promise<string> {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    const page = Number(url.searchParams.get('page') ?? 1);
    const items = Array.from({ length: perPage }, (_, i) => ({ full_name: `o/repo-${page}-${i}`, private: false, default_branch: 'main', updated_at: '2024-01-01T00:00:00Z', pad: 'x'.repeat(200) }));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page < pages) headers.link = `<http://127.0.0.1:${port()}/user/repos?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    setTimeout(() => {
      if (!response.destroyed) response.writeHead(200, headers).end(JSON.stringify(items));
    }, page === 1 ? 0 : delayMs);
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port()}`;
}
const port = () => (server!.address() as { port: number }).port;

function env(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aos-gh-proc-'));
  return { PATH: process.env.PATH!, HOME: dir, AOS_AUDIT_DIR: join(dir, 'audit'), AOS_STATE_DIR: join(dir, 'state'), GITHUB_TOKEN: 'ghp_test_token_1234567890', ...extra };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin with a reader that takes `keep` bytes of stdout, then closes its end. */
function runClosingReader(args: string[], extraEnv: Record<string, string>, keep: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.length >= keep) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('issue 11 finding 6a: a reader closing stdout early', () => {
  it.each([
    ['--json capabilities (fast path)', ['--json', 'capabilities']],
    ['--help', ['--help']],
    ['repo list --help', ['repo', 'list', '--help']],
  ])('%s: no EPIPE stack, not a crash code', async (_name, args) => {
    const run = await runClosingReader(args, {}, 1);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.signal).toBeNull();
    expect([0, 5]).toContain(run.code);
  });

  it('a streamed --all list whose reader goes away mid-stream: quiet, ends without fetching every page', async () => {
    const base = await pagingServer(40, 100, 20);
    const run = await runClosingReader(['--json', 'repo', 'list', '--all'], { GITHUB_API_URL: base }, 10);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.signal).toBeNull();
    expect([0, 5]).toContain(run.code);
  }, 30_000);
});

describe('issue 11 finding 6b: SIGTERM or SIGINT during a streamed --all', () => {
  it.each([['SIGTERM'], ['SIGINT']] as const)('%s after the first page: stdout is exactly one JSON object, ok:false, cancelled, with the resume cursor', async (sig) => {
    const base = await pagingServer(5, 3, 10_000);
    const run = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--json', 'repo', 'list', '--all'], { env: env({ GITHUB_API_URL: base }), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        // The first page's items are out: the second page is now in flight (10 s away).
        if (!sent && stdout.includes('repo-1-2')) {
          sent = true;
          child.kill(sig);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    expect(run.stderr).not.toMatch(STACK);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(5);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const envelope = JSON.parse(lines[0]!);
    expect(envelope.ok).toBe(false);
    expect(envelope.data.repos).toHaveLength(3);
    expect(envelope.data.next_cursor).toEqual(expect.any(String));
    expect(envelope.data.has_more).toBe(true);
    expect(envelope.error).toMatchObject({ code: 'TIMEOUT', details: { cancelled: true, next_cursor: envelope.data.next_cursor } });
  }, 30_000);
});
