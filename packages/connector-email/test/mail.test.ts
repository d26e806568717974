import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, closedPortUrl } from '@aos-connectors/testing';
import email from '../src/connector.js';
import { ACCOUNT, rawMail, SKIP_REAL_SERVERS, startMailWorld, type MailWorld } from './support/mail-world.js';

let world: MailWorld;
const cli = (argv: string[], env: Record<string, string> = {}) => runCli(email, ['--json', '--timeout-ms', '15000', ...argv], { ...world.env, ...env });

const MULTIPART = [
  'From: "Carol Doe" <carol@example.org>',
  `To: ${ACCOUNT.user}`,
  'Subject: Quarterly numbers',
  'Date: Tue, 03 Nov 2026 10:00:00 +0000',
  'Message-ID: <numbers-1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/alternative; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Numbers attached.',
  '--b2',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Numbers <b>attached</b>.</p>',
  '--b2--',
  '--b1',
  'Content-Type: text/csv; name="q3.csv"',
  'Content-Disposition: attachment; filename="q3.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('month,total\nJul,10\nAug,12\n').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

describe.skipIf(SKIP_REAL_SERVERS)('aos-email against real IMAP (dovecot) and SMTP servers', () => {
  beforeAll(async () => {
    world = await startMailWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('mail.send delivers over SMTP, then mail.list and mail.read find the message over IMAP', async () => {
    const sent = await cli(['--mode', 'write', 'mail', 'send', '--to', ACCOUNT.user, '--subject', 'Hello from the agent', '--text', 'First line.\nSecond line.'], { EMAIL_FROM: 'Agent <agent@example.com>' });
    expect(sent.exitCode, sent.stdout).toBe(0);
    const data = sent.json().data;
    expect(data).toMatchObject({ sent: true, accepted: [ACCOUNT.user], rejected: [], envelope: { from: 'agent@example.com', to: [ACCOUNT.user] } });
    expect(data.message_id).toMatch(/^<aos-[0-9a-f]+@example\.com>$/);
    expect(world.smtp.received.at(-1)!.raw).toContain('Subject: Hello from the agent');
    expect(sent.audit()[0]!.side_effects).toEqual([{ kind: 'send', resource: 'message', id: data.message_id }]);

    const listed = await cli(['mail', 'list']);
    expect(listed.exitCode, listed.stdout).toBe(0);
    const { messages, next_cursor, has_more } = listed.json().data;
    expect(has_more).toBe(false);
    expect(next_cursor).toBeNull();
    const mine = messages.find((m: { message_id: string }) => m.message_id === data.message_id);
    expect(mine).toMatchObject({ subject: 'Hello from the agent', from: { name: 'Agent', address: 'agent@example.com' }, to: [{ address: ACCOUNT.user }], seen: false });

    const read = await cli(['mail', 'read', String(mine.uid)]);
    expect(read.exitCode, read.stdout).toBe(0);
    expect(read.json().data).toMatchObject({
      uid: mine.uid,
      mailbox: 'INBOX',
      message_id: data.message_id,
      subject: 'Hello from the agent',
      from: { name: 'Agent', address: 'agent@example.com' },
      text: 'First line.\nSecond line.\n',
      has_html: false,
      attachments: [],
    });
    expect(read.json().data).not.toHaveProperty('html');
  });

  it('mail.read parses multipart mail: text, html on request, attachment metadata; reading leaves it unseen', async () => {
    world.deliver(MULTIPART);
    const listed = await cli(['mail', 'list', '--subject', 'Quarterly']);
    const [row] = listed.json().data.messages;
    expect(row).toMatchObject({ subject: 'Quarterly numbers', message_id: '<numbers-1@example.org>', from: { name: 'Carol Doe', address: 'carol@example.org' } });
    const read = await cli(['mail', 'read', String(row.uid), '--html']);
    expect(read.json().data).toMatchObject({
      text: 'Numbers attached.',
      has_html: true,
      html: '<p>Numbers <b>attached</b>.</p>',
      date: '2026-11-03T10:00:00.000Z',
      attachments: [{ filename: 'q3.csv', content_type: 'text/csv', size: 26, inline: false }],
    });
    const again = await cli(['mail', 'list', '--subject', 'Quarterly']);
    expect(again.json().data.messages[0]).toMatchObject({ uid: row.uid, seen: false });
  });

  it('mail.list pages newest first with a UID cursor that new mail does not shift', async () => {
    for (let i = 1; i <= 5; i++) world.deliver(rawMail({ from: 'pager@example.net', subject: `page test ${i}`, text: `n${i}` }));
    const subjects = (page: { messages: { subject: string }[] }) => page.messages.map((m) => m.subject);
    const first = (await cli(['mail', 'list', '--from', 'pager@example.net', '--limit', '2'])).json().data;
    expect(first.messages).toHaveLength(2);
    expect(first.has_more).toBe(true);
    // Mail that arrives between pages gets a higher UID: the pages that follow do not shift.
    world.deliver(rawMail({ from: 'pager@example.net', subject: 'page test late', text: 'late' }));
    const second = (await cli(['mail', 'list', '--from', 'pager@example.net', '--limit', '2', '--cursor', first.next_cursor])).json().data;
    const rest = (await cli(['mail', 'list', '--from', 'pager@example.net', '--limit', '10', '--cursor', second.next_cursor])).json().data;
    expect(rest).toMatchObject({ has_more: false, next_cursor: null });
    const pages = [...first.messages, ...second.messages, ...rest.messages];
    expect([...subjects(first), ...subjects(second), ...subjects(rest)].sort()).toEqual(['page test 1', 'page test 2', 'page test 3', 'page test 4', 'page test 5']);
    const uids = pages.map((m: { uid: number }) => m.uid);
    expect(uids).toEqual([...uids].sort((a, b) => b - a));
    const fresh = (await cli(['mail', 'list', '--from', 'pager@example.net', '--limit', '1'])).json().data;
    expect(fresh.messages[0]).toMatchObject({ subject: 'page test late' });
    expect(fresh.messages[0].uid).toBeGreaterThan(Math.max(...uids));
  });

  it('mail.list rejects a cursor that is not its own (exit 2)', async () => {
    const result = await cli(['mail', 'list', '--cursor', 'page=2']);
    expect(result.exitCode).toBe(2);
    expect(result.json().error.code).toBe('INVALID_USAGE');
  });

  it('mail.list --all streams every message', async () => {
    const all = await cli(['mail', 'list', '--all']);
    expect(all.exitCode).toBe(0);
    // One sent, one multipart, six from the pager.
    expect(all.json().data.messages).toHaveLength(8);
  });

  it('mail.read of an unknown UID is NOT_FOUND (exit 6)', async () => {
    const result = await cli(['mail', 'read', '999999']);
    expect(result.exitCode).toBe(6);
    expect(result.json().error).toMatchObject({ code: 'NOT_FOUND', details: { uid: 999999, mailbox: 'INBOX' } });
  });

  it('mail.list of a mailbox that does not exist is NOT_FOUND (exit 6)', async () => {
    const result = await cli(['mail', 'list', '--mailbox', 'No/Such/Box']);
    expect(result.exitCode, result.stdout).toBe(6);
    expect(result.json().error.code).toBe('NOT_FOUND');
  });

  it('a recipient the SMTP server refuses is VALIDATION_FAILED (exit 2)', async () => {
    const result = await cli(['--mode', 'write', 'mail', 'send', '--to', 'nobody@example.com', '--subject', 's', '--text', 't']);
    expect(result.exitCode, result.stdout).toBe(2);
    expect(result.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { smtp_code: 550, retryable: false } });
    expect(result.json().error.message).toMatch(/rejected the recipient nobody@example\.com/);
  });

  it('a wrong password is AUTH_FAILED (exit 4) on IMAP and on SMTP, and never printed', async () => {
    const wrong = { EMAIL_PASSWORD: 'wrong-password-9f3a' };
    const list = await cli(['--verbose', 'mail', 'list'], wrong);
    expect(list.exitCode, list.stdout).toBe(4);
    expect(list.json().error).toMatchObject({ code: 'AUTH_FAILED', details: { server: `IMAP 127.0.0.1:${world.dovecot.port}` } });
    const send = await cli(['--mode', 'write', 'mail', 'send', '--to', ACCOUNT.user, '--subject', 's', '--text', 't'], wrong);
    expect(send.exitCode, send.stdout).toBe(4);
    expect(send.json().error).toMatchObject({ code: 'AUTH_FAILED', details: { server: `SMTP 127.0.0.1:${world.smtp.port}` } });
    for (const output of [list.stdout, list.stderr, send.stdout, send.stderr]) expect(output).not.toContain('wrong-password-9f3a');
  });

  it('a closed port is BACKEND_UNAVAILABLE (exit 5) on IMAP and on SMTP', async () => {
    const port = new URL(await closedPortUrl()).port;
    const list = await cli(['mail', 'list'], { EMAIL_IMAP_PORT: port });
    expect(list.exitCode, list.stdout).toBe(5);
    expect(list.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { retryable: true, library_code: 'ECONNREFUSED' } });
    const send = await cli(['--mode', 'write', 'mail', 'send', '--to', ACCOUNT.user, '--subject', 's', '--text', 't'], { EMAIL_SMTP_PORT: port });
    expect(send.exitCode, send.stdout).toBe(5);
    expect(send.json().error.code).toBe('BACKEND_UNAVAILABLE');
  });

  it('health reports healthy after a real IMAP and SMTP login', async () => {
    const result = await cli(['health']);
    expect(result.exitCode).toBe(0);
    const health = result.json().data;
    expect(health).toMatchObject({ status: 'healthy', ready: true });
    expect(health.checks[1].detail).toMatch(new RegExp(`logged in to IMAP 127\\.0\\.0\\.1:${world.dovecot.port} as ${ACCOUNT.user}; INBOX holds \\d+ message\\(s\\).*SMTP 127\\.0\\.0\\.1:${world.smtp.port} accepted the login`));
  });

  it('health with a refused password is error, naming the credentials (exit 0)', async () => {
    const result = await cli(['health'], { EMAIL_PASSWORD: 'nope-nope' });
    expect(result.exitCode).toBe(0);
    expect(result.json().data).toMatchObject({ status: 'error', ready: false, checks: [{ name: 'credentials', ok: false }, { name: 'api', ok: false }] });
  });

  it('--dry-run of mail.send shows the exact message and opens no connection, in readonly mode', async () => {
    const before = world.smtp.connections();
    const count = world.smtp.received.length;
    const result = await cli(['--dry-run', 'mail', 'send', '--to', 'ann@example.com', '--cc', 'bob@example.com', '--subject', 'Plan', '--text', 'Body', '--html', '<p>Body</p>', '--in-reply-to', 'root@example.com']);
    expect(result.exitCode, result.stdout).toBe(0);
    const { data, meta } = result.json();
    expect(meta.dry_run).toBe(true);
    expect(data).toMatchObject({
      dry_run: true,
      request: {
        method: 'SMTP',
        url: `smtp://127.0.0.1:${world.smtp.port}`,
        headers: { From: ACCOUNT.user, To: 'ann@example.com', Cc: 'bob@example.com', Subject: 'Plan', 'In-Reply-To': '<root@example.com>', References: '<root@example.com>' },
        body: { envelope: { from: ACCOUNT.user, to: ['ann@example.com', 'bob@example.com'] }, text: 'Body', html: '<p>Body</p>' },
      },
    });
    expect(world.smtp.connections()).toBe(before);
    expect(world.smtp.received.length).toBe(count);
  });
});

describe('aos-email under the caller\'s deadline', () => {
  let silent: Server;
  let port: number;
  beforeAll(async () => {
    // Accepts connections and never says a word: a hung mail server.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

  const env = () => ({ EMAIL_IMAP_HOST: '127.0.0.1', EMAIL_IMAP_PORT: String(port), EMAIL_IMAP_SECURE: 'false', EMAIL_SMTP_HOST: '127.0.0.1', EMAIL_SMTP_PORT: String(port), EMAIL_SMTP_SECURE: 'false', EMAIL_USER: ACCOUNT.user, EMAIL_PASSWORD: 'x' });

  it('a server that never greets is TIMEOUT (exit 5) at --timeout-ms, for IMAP and SMTP', async () => {
    for (const argv of [['mail', 'list'], ['--mode', 'write', 'mail', 'send', '--to', 'ann@example.com', '--subject', 's', '--text', 't']]) {
      const started = Date.now();
      const result = await runCli(email, ['--json', '--timeout-ms', '700', ...argv], env());
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.exitCode, result.stdout).toBe(5);
      expect(result.json().error.code).toBe('TIMEOUT');
    }
  });

  it('missing settings are CONFIG_ERROR and a missing password AUTH_REQUIRED (exit 4), without connecting', async () => {
    const noHost = await runCli(email, ['--json', 'mail', 'list'], { EMAIL_USER: ACCOUNT.user, EMAIL_PASSWORD: 'x' });
    expect(noHost.exitCode).toBe(4);
    expect(noHost.json().error).toMatchObject({ code: 'CONFIG_ERROR', details: { missing: ['EMAIL_IMAP_HOST'] } });
    const noPassword = await runCli(email, ['--json', 'mail', 'list'], { ...env(), EMAIL_PASSWORD: '' });
    expect(noPassword.exitCode).toBe(4);
    expect(noPassword.json().error.code).toBe('AUTH_REQUIRED');
  });
});
