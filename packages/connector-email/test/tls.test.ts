import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@aos-connectors/testing';
import email from '../src/connector.js';
import { ACCOUNT, SKIP_REAL_SERVERS, TEST_TLS, startMailWorld, type MailWorld } from './support/mail-world.js';

const BIN = fileURLToPath(new URL('../bin/aos-email.js', import.meta.url));
let world: MailWorld;

/**
 * The built bin, so NODE_EXTRA_CA_CERTS (read once at start-up) can trust the test certificate.
 * Spawned asynchronously: the SMTP server runs in this process and must keep answering.
 */
async function bin(argv: string[], env: Record<string, string>) {
  const home = mkdtempSync(join(tmpdir(), 'aos-email-tls-'));
  const child = spawn(process.execPath, [BIN, '--json', '--timeout-ms', '15000', ...argv], {
    env: { PATH: process.env.PATH ?? '', HOME: home, AOS_AUDIT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { exitCode, stdout, json: () => JSON.parse(stdout), stderr };
}

describe.skipIf(SKIP_REAL_SERVERS)('aos-email over TLS', () => {
  beforeAll(async () => {
    world = await startMailWorld({ tls: true });
  });
  afterAll(async () => {
    await world?.stop();
  });
  const tlsEnv = () => ({
    ...world.env,
    EMAIL_IMAP_PORT: String(world.dovecot.tlsPort),
    EMAIL_IMAP_SECURE: 'true',
    EMAIL_SMTP_SECURE: 'true',
    NODE_EXTRA_CA_CERTS: TEST_TLS.cert,
  });

  it('mail.send over implicit TLS, then mail.list over implicit TLS (IMAPS), trusting the server\'s CA', async () => {
    const sent = await bin(['--mode', 'write', 'mail', 'send', '--to', ACCOUNT.user, '--subject', 'Over TLS', '--text', 'encrypted'], tlsEnv());
    expect(sent.exitCode, sent.stdout).toBe(0);
    const listed = await bin(['mail', 'list'], tlsEnv());
    expect(listed.exitCode, listed.stdout).toBe(0);
    expect(listed.json().data.messages[0]).toMatchObject({ subject: 'Over TLS' });
  });

  it('mail.list upgrades the plain IMAP port with STARTTLS when EMAIL_IMAP_SECURE=false', async () => {
    const listed = await bin(['mail', 'list'], { ...tlsEnv(), EMAIL_IMAP_PORT: String(world.dovecot.port), EMAIL_IMAP_SECURE: 'false' });
    expect(listed.exitCode, listed.stdout).toBe(0);
    expect(listed.json().data.messages.length).toBeGreaterThan(0);
  });

  it('an untrusted certificate is BACKEND_UNAVAILABLE (exit 5, not retryable), on IMAP and on SMTP', async () => {
    const env = { ...tlsEnv(), NODE_EXTRA_CA_CERTS: '' };
    const list = await runCli(email, ['--json', '--timeout-ms', '10000', 'mail', 'list'], env);
    expect(list.exitCode, list.stdout).toBe(5);
    expect(list.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { retryable: false, tls_error: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) } });
    expect(list.json().error.message).toMatch(/^TLS with the IMAP 127\.0\.0\.1:\d+ server failed/);
    const send = await runCli(email, ['--json', '--timeout-ms', '10000', '--mode', 'write', 'mail', 'send', '--to', ACCOUNT.user, '--subject', 's', '--text', 't'], env);
    expect(send.exitCode, send.stdout).toBe(5);
    expect(send.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { retryable: false, tls_error: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
  });

  it('TLS spoken to a plain port is BACKEND_UNAVAILABLE with a hint about the port', async () => {
    const result = await runCli(email, ['--json', '--timeout-ms', '10000', 'mail', 'list'], { ...tlsEnv(), EMAIL_IMAP_PORT: String(world.dovecot.port) });
    expect(result.exitCode, result.stdout).toBe(5);
    expect(result.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { tls_error: expect.any(String) } });
  });
});
