import { createServer, type Server } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { conformanceSuite, runCli } from '@aos-connectors/testing';
import email from '../src/connector.js';
import { samples } from './samples.js';

/**
 * The suite's recording server speaks HTTP, and email has no HTTP base URL: both mail servers
 * point at this TCP listener instead, which counts connections. Nothing the suite runs (denied
 * calls, dry runs, usage errors, health without a password) may open one.
 */
let connections = 0;
const listener: Server = createServer((socket) => {
  connections += 1;
  socket.destroy();
});
await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
const port = String((listener.address() as { port: number }).port);
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

conformanceSuite(email, {
  samples,
  env: {
    EMAIL_IMAP_HOST: '127.0.0.1',
    EMAIL_IMAP_PORT: port,
    EMAIL_SMTP_HOST: '127.0.0.1',
    EMAIL_SMTP_PORT: port,
    EMAIL_USER: 'alice@example.com',
  },
});

it('has a sample for every command but the gateway, so the suite\'s dry-run checks cover every write', () => {
  expect(Object.keys(samples).sort()).toEqual(email.commands.map((c) => c.id).filter((id) => id !== 'gateway').sort());
});

it('gateway --dry-run shows the plan in any mode, without settings, and connects to nothing', async () => {
  const result = await runCli(email, ['--json', '--dry-run', 'gateway', '--home', '/tmp/aos-email-plan', '--name', 'mail'], { EMAIL_IMAP_HOST: '127.0.0.1', EMAIL_IMAP_PORT: port });
  expect(result.exitCode, result.stdout).toBe(0);
  expect(result.json()).toMatchObject({
    meta: { dry_run: true },
    data: { dry_run: true, plan: { instance: 'mail', adapter: 'email', inbox: '/tmp/aos-email-plan/messages/inbox', outbox: '/tmp/aos-email-plan/messages/outbox/mail' } },
  });
});

it('doctor lists what the gateway needs', async () => {
  const result = await runCli(email, ['--json', 'doctor'], { EMAIL_PASSWORD: 'x', EMAIL_USER: 'alice@example.com', EMAIL_IMAP_HOST: 'imap.example.com' });
  expect(result.json().data.commands.gateway).toMatchObject({ ready: false, missing: ['EMAIL_SMTP_HOST'] });
  expect(result.json().data.commands['mail.list']).toMatchObject({ ready: true });
});

it('opened no connection to either mail server during the whole suite', () => {
  expect(connections).toBe(0);
});
