import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageSchema } from '@aos-connectors/messaging';
import { eventually, rawMail, SKIP_REAL_SERVERS, startMailWorld, type MailWorld } from './support/mail-world.js';
import { inboxFiles, readInboxFile, readState, startGateway, type GatewayProcess } from './support/gateway-process.js';

let world: MailWorld;
const running: GatewayProcess[] = [];
const newHome = () => mkdtempSync(join(tmpdir(), 'aos-email-home-'));
const gateway = (home: string, env: Record<string, string> = {}) => {
  const process = startGateway(home, { ...world.env, EMAIL_POLL_SECONDS: '0.3', ...env });
  running.push(process);
  return process;
};
const writeOutbox = (home: string, file: string, message: object) => {
  const dir = join(home, 'messages', 'outbox', 'mail');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), JSON.stringify(message));
};

describe.skipIf(SKIP_REAL_SERVERS)('aos-email gateway against real IMAP and SMTP servers', () => {
  beforeAll(async () => {
    world = await startMailWorld();
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await world?.stop();
  });

  it('writes a new mail to the inbox once; after a restart only mail that arrived meanwhile', async () => {
    world.deliver(rawMail({ from: 'old@example.org', subject: 'Before the gateway', text: 'history' }));
    const home = newHome();
    const first = gateway(home);
    // The first start takes the newest UID as its position: older mail is not replayed.
    await eventually(() => readState(home), 15_000, 'the first cursor');
    world.deliver(rawMail({ from: '"Dave Lin" <Dave@Example.org>', subject: 'Ping', text: 'Are you there?', messageId: 'ping-1@example.org' }));
    const [file] = await eventually(() => inboxFiles(home).length === 1 && inboxFiles(home), 15_000, 'the inbox message');
    const message = messageSchema.parse(readInboxFile(home, file!));
    expect(message).toMatchObject({
      id: 'email:ping-1@example.org',
      connector: { type: 'email', instance: 'mail' },
      sender: { id: 'dave@example.org', username: 'dave@example.org', display_name: 'Dave Lin' },
      content: { text: 'Subject: Ping\n\nAre you there?', attachments: [] },
      conversation: { id: 'dave@example.org', type: 'dm', name: 'Dave Lin' },
      thread_id: 'ping-1@example.org',
    });
    const stopped = await first.stop();
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ ok: true, command: 'gateway', data: { instance: 'mail', received: 1, duplicates: 0 } });
    const cursor = readState(home)!.cursor;
    expect(cursor).toEqual({ uidvalidity: expect.stringMatching(/^\d+$/), last_uid: expect.any(Number) });

    world.deliver(rawMail({ from: 'dave@example.org', subject: 'Re: Ping', text: 'Still there?', messageId: 'ping-2@example.org', inReplyTo: 'ping-1@example.org', references: '<ping-1@example.org>' }));
    const second = gateway(home);
    await eventually(() => inboxFiles(home).length === 2, 15_000, 'the second inbox message');
    // Give a duplicate every chance to appear before stopping.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await second.stop()).code).toBe(0);
    const files = inboxFiles(home);
    expect(files).toHaveLength(2);
    expect(readInboxFile(home, files[1]!)).toMatchObject({ id: 'email:ping-2@example.org', thread_id: 'ping-1@example.org', content: { text: 'Subject: Re: Ping\n\nStill there?' } });
    expect(readState(home)!.cursor.last_uid).toBe(cursor.last_uid + 1);
  });

  it('gets new mail pushed through IMAP IDLE, without waiting for the poll interval', async () => {
    const home = newHome();
    const process = gateway(home, { EMAIL_POLL_SECONDS: '600' });
    await eventually(() => readState(home), 15_000, 'the first cursor');
    // Past the 1 s auto-IDLE delay, so the connection is idling when the mail arrives.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const delivered = Date.now();
    world.deliver(rawMail({ from: 'fast@example.org', subject: 'Pushed', text: 'via IDLE', messageId: 'idle-1@example.org' }));
    await eventually(() => inboxFiles(home).length === 1, 8_000, 'the pushed message');
    expect(Date.now() - delivered).toBeLessThan(8_000);
    expect((await process.stop()).code).toBe(0);
  });

  it('reconnects with backoff when the IMAP server goes away, and loses no mail', async () => {
    const home = newHome();
    const process = gateway(home);
    await eventually(() => readState(home), 15_000, 'the first cursor');
    await world.dovecot.stop();
    let restarted = false;
    try {
      // Mail that arrives while the server is down is delivered after the reconnect.
      world.deliver(rawMail({ from: 'late@example.org', subject: 'While down', text: 'queued', messageId: 'down-1@example.org' }));
      await eventually(() => /receive: BACKEND_UNAVAILABLE: .*reconnecting in \d+ ms/.test(process.stderr()), 10_000, 'the reconnect log');
      await world.dovecot.restart();
      restarted = true;
    } finally {
      // Whatever happened, the next tests need the server.
      if (!restarted) await world.dovecot.restart();
    }
    await eventually(() => inboxFiles(home).length === 1, 20_000, 'the message after the reconnect');
    expect(readInboxFile(home, inboxFiles(home)[0]!)).toMatchObject({ id: 'email:down-1@example.org' });
    const { code, stdout } = await process.stop();
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('resyncs from the newest message when the mailbox UIDVALIDITY changed, delivering nothing old', async () => {
    const home = newHome();
    mkdirSync(join(home, 'state'), { recursive: true });
    writeFileSync(join(home, 'state', 'mail.json'), JSON.stringify({ version: 1, cursor: { uidvalidity: '1', last_uid: 0 }, updated_at: new Date().toISOString() }));
    const process = gateway(home);
    await eventually(() => readState(home)?.cursor.uidvalidity !== '1', 15_000, 'the resynced cursor');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { code, stderr } = await process.stop();
    expect(code).toBe(0);
    expect(stderr).toMatch(/UIDVALIDITY changed \(1 -> \d+\); resyncing from the newest message/);
    expect(inboxFiles(home)).toEqual([]);
  });

  it('sends outbox files over SMTP as replies in the thread, and moves a refused one to failed/', async () => {
    const home = newHome();
    const process = gateway(home);
    await eventually(() => readState(home), 15_000, 'the first cursor');
    world.deliver(rawMail({ from: 'erin@example.org', subject: 'Lunch?', text: 'Noon?', messageId: 'lunch-1@example.org' }));
    const [file] = await eventually(() => inboxFiles(home).length === 1 && inboxFiles(home), 15_000, 'the inbox message');
    const incoming = readInboxFile(home, file!);
    const before = world.smtp.received.length;
    writeOutbox(home, '0001-reply.json', { conversation_id: incoming.conversation.id, text: 'Noon works.', thread_id: incoming.thread_id });
    writeOutbox(home, '0002-bounce.json', { conversation_id: 'nobody@example.com', text: 'Hello?' });
    await eventually(() => readdirSync(join(home, 'messages', 'outbox', 'mail')).length === 0, 20_000, 'the outbox to drain');
    const { code, stdout } = await process.stop();
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data).toMatchObject({ sent: 1, failed: 1 });

    const sent = world.smtp.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ from: 'alice@example.com', to: ['erin@example.org'] });
    expect(sent[0]!.raw).toMatch(/^Subject: Re: Lunch\?$/m);
    expect(sent[0]!.raw).toMatch(/^In-Reply-To: <lunch-1@example\.org>$/m);
    expect(sent[0]!.raw).toMatch(/^References: <lunch-1@example\.org>$/m);
    expect(sent[0]!.raw).toMatch(/^Message-ID: <aos-0001-reply@example\.com>$/m);
    expect(sent[0]!.raw).toContain('Noon works.');

    const failed = readdirSync(join(home, 'messages', 'failed'));
    const envelope = failed.find((f) => f.endsWith('.error.json'));
    expect(envelope, failed.join(', ')).toBeDefined();
    expect(JSON.parse(readFileSync(join(home, 'messages', 'failed', envelope!), 'utf8'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('stops with AUTH_FAILED (exit 4) when the password is refused, without retrying', async () => {
    const { code, stdout } = await gateway(newHome(), { EMAIL_PASSWORD: 'not-the-password' }).exited;
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
  });

  it('stops with CONFIG_ERROR (exit 4) when EMAIL_MAILBOX does not exist, instead of reconnecting', async () => {
    const { code, stdout } = await gateway(newHome(), { EMAIL_MAILBOX: 'Nope' }).exited;
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'CONFIG_ERROR', details: { setting: 'EMAIL_MAILBOX' } } });
  });

  it('stops with CONFIG_ERROR (exit 4) before connecting when EMAIL_SMTP_HOST is missing', async () => {
    const { code, stdout } = await gateway(newHome(), { EMAIL_SMTP_HOST: '' }).exited;
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'CONFIG_ERROR', details: { missing: ['EMAIL_SMTP_HOST'] } } });
  });
});
