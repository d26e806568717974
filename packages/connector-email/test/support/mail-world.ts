import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDovecot, startDovecot, type Dovecot } from './dovecot.js';
import { deliverToMaildir, startSmtp, type SmtpSink } from './smtp.js';

export const ACCOUNT = { user: 'alice@example.com', password: 'imap-test-pass-7c1d' };

/** A self-signed certificate for 127.0.0.1 (test use only), for the TLS tests. */
export const TEST_TLS = {
  cert: fileURLToPath(new URL('../fixtures/test-tls.crt', import.meta.url)),
  key: fileURLToPath(new URL('../fixtures/test-tls.key', import.meta.url)),
};

/** Found once per test file; `npm test` installs it first (.ci/install-system-deps). */
export const DOVECOT = findDovecot();
/** Where .ci/install-system-deps can install dovecot itself: as root, with apt-get. */
const CAN_INSTALL = process.getuid?.() === 0 && ['/usr/bin/apt-get', '/bin/apt-get'].some((file) => existsSync(file));
/**
 * The real-server tests skip only where dovecot cannot be installed by `npm test` (not root, or
 * no apt-get); where it could be, its absence is a failure with the fix, not a silent skip.
 */
export const SKIP_REAL_SERVERS = !DOVECOT && !CAN_INSTALL;
export const NO_DOVECOT_REASON = CAN_INSTALL
  ? 'dovecot is not installed although this machine can install it: run .ci/install-system-deps (npm test does), or apt-get install dovecot-imapd'
  : 'dovecot is not installed and this is not root with apt-get, so the IMAP/SMTP tests (mail, gateway, tls) are skipped; to run them: sudo apt-get install dovecot-imapd';
if (!DOVECOT) console.warn(`aos-email: ${NO_DOVECOT_REASON}`);

export interface MailWorld {
  dovecot: Dovecot;
  smtp: SmtpSink;
  /** Settings that point aos-email at both servers, with the right password. */
  env: Record<string, string>;
  /** Puts a raw message straight into the IMAP mailbox (as an MTA's local delivery would). */
  deliver(raw: string): void;
  stop(): Promise<void>;
}

/**
 * A real IMAP server (dovecot) and a real SMTP server delivering into its Maildir, on 127.0.0.1.
 * With `tls`, dovecot also listens for implicit TLS and offers STARTTLS, and the SMTP server
 * speaks TLS from the first byte, all with the TEST_TLS certificate.
 */
export async function startMailWorld(options: { tls?: boolean } = {}): Promise<MailWorld> {
  if (!DOVECOT) throw new Error(NO_DOVECOT_REASON);
  const dir = mkdtempSync(join(tmpdir(), 'aos-email-'));
  const tls = options.tls ? TEST_TLS : undefined;
  const dovecot = await startDovecot(DOVECOT, dir, ACCOUNT, tls);
  const smtp = await startSmtp(ACCOUNT, ACCOUNT.user, dovecot.maildir, tls);
  return {
    dovecot,
    smtp,
    env: {
      EMAIL_IMAP_HOST: '127.0.0.1',
      EMAIL_IMAP_PORT: String(dovecot.port),
      EMAIL_IMAP_SECURE: 'false',
      EMAIL_SMTP_HOST: '127.0.0.1',
      EMAIL_SMTP_PORT: String(smtp.port),
      EMAIL_SMTP_SECURE: 'false',
      EMAIL_USER: ACCOUNT.user,
      EMAIL_PASSWORD: ACCOUNT.password,
    },
    deliver: (raw) => deliverToMaildir(dovecot.maildir, raw),
    async stop() {
      await Promise.all([smtp.stop(), dovecot.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal RFC 5322 message. */
export function rawMail(fields: { from: string; to?: string; subject: string; text: string; messageId?: string; inReplyTo?: string; references?: string; date?: Date }): string {
  const headers = [
    `From: ${fields.from}`,
    `To: ${fields.to ?? ACCOUNT.user}`,
    `Subject: ${fields.subject}`,
    `Date: ${(fields.date ?? new Date()).toUTCString()}`,
    ...(fields.messageId ? [`Message-ID: <${fields.messageId}>`] : []),
    ...(fields.inReplyTo ? [`In-Reply-To: <${fields.inReplyTo}>`] : []),
    ...(fields.references ? [`References: ${fields.references}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${fields.text}\r\n`;
}

/** Polls `check` until it returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | false, ms = 10_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
