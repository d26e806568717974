import { chownSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { mailOwner } from './dovecot.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  /** Every message the server accepted, in order. */
  received: ReceivedMail[];
  /** SMTP connections opened so far (a dry run must open none). */
  connections(): number;
  stop(): Promise<void>;
}

let sequence = 0;

/** Delivers one raw message into a Maildir the way an MTA does: write to tmp/, rename into new/. */
export function deliverToMaildir(maildir: string, raw: string): void {
  const name = `${Math.floor(Date.now() / 1000)}.M${process.hrtime.bigint() % 1000000n}P${process.pid}Q${++sequence}.${hostname()}`;
  const temp = join(maildir, 'tmp', name);
  writeFileSync(temp, raw);
  const owner = mailOwner();
  if (owner.root) chownSync(temp, owner.uid, owner.gid);
  renameSync(temp, join(maildir, 'new', name));
}

/**
 * A real SMTP server (npm's smtp-server) on 127.0.0.1 that requires `account`'s login, refuses
 * recipients whose local part is `nobody`, and drops mail for `localAddress` into `maildir`
 * (where dovecot serves it over IMAP); other accepted mail is only recorded.
 */
export async function startSmtp(account: { user: string; password: string }, localAddress: string, maildir: string, tls?: { cert: string; key: string }): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    // With a certificate: TLS from the first byte (port 465 style).
    ...(tls ? { secure: true, key: readFileSync(tls.key), cert: readFileSync(tls.cert) } : {}),
    authOptional: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === account.user && auth.password === account.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) callback(Object.assign(new Error(`No such user: ${address.address}`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, raw });
        if (to.includes(localAddress)) deliverToMaildir(maildir, raw);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    port,
    received,
    connections: () => connections,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
