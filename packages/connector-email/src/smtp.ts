import { endpoint, type SmtpConfig } from './config.js';
import type { PlannedMail } from './compose.js';
import { deadlineError, mapMailError } from './errors.js';

const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

export const smtpWhere = (config: SmtpConfig) => `SMTP ${endpoint(config)}`;

type Connection = import('nodemailer/lib/smtp-connection').default;

/** What the server said after accepting the message. */
export interface Delivery {
  message_id: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

/**
 * One SMTP session: connect, log in when a password is set, `work`, quit. Connection failures
 * arrive as 'error' or 'end' events rather than through the callbacks, so every step races them;
 * `signal` closes the socket at once whatever the session is doing. Failures come out as
 * contract errors.
 */
async function withSmtp<T>(config: SmtpConfig, signal: AbortSignal, work: (connection: Connection, step: Step) => Promise<T>): Promise<T> {
  // Loaded on first use, like the IMAP client.
  const { default: SMTPConnection } = await import('nodemailer/lib/smtp-connection');
  const where = smtpWhere(config);
  if (signal.aborted) throw deadlineError(where);
  const connection = new SMTPConnection({ host: config.host, port: config.port, secure: config.secure, logger: false, ...SMTP_TIMEOUTS });
  const broken = new Promise<never>((_, reject) => {
    connection.once('error', reject);
    connection.once('end', () => reject(Object.assign(new Error('The connection closed unexpectedly'), { code: 'ECONNECTION' })));
  });
  broken.catch(() => undefined);
  const step: Step = (run) => Promise.race([new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value)))), broken]) as never;
  const onAbort = () => connection.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await step<void>((done) => connection.connect(() => done(null)));
    if (config.password !== undefined) await step<void>((done) => connection.login({ user: config.user, pass: config.password }, (error) => done(error)));
    const result = await work(connection, step);
    connection.quit();
    return result;
  } catch (error) {
    connection.close();
    throw signal.aborted ? deadlineError(where) : mapMailError(error, where);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** One callback-style SMTP step as a promise that also fails when the connection does. */
type Step = <R>(run: (done: (error: Error | null | undefined, value?: R) => void) => void) => Promise<R>;

/** Builds the MIME message of `plan` (nodemailer's composer) and hands it to the server. */
export async function deliver(config: SmtpConfig, plan: PlannedMail, signal: AbortSignal): Promise<Delivery> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const { headers } = plan;
  const raw = await new MailComposer({
    from: headers.From,
    to: headers.To,
    cc: headers.Cc,
    subject: headers.Subject,
    messageId: headers['Message-ID'],
    inReplyTo: headers['In-Reply-To'],
    references: headers.References,
    text: plan.text,
    html: plan.html,
  })
    .compile()
    .build();
  return withSmtp(config, signal, async (connection, step) => {
    const info = await step<{ accepted: string[]; rejected: string[]; response: string }>((done) => connection.send(plan.envelope, raw, done));
    return { message_id: headers['Message-ID'], accepted: info.accepted, rejected: info.rejected, response: info.response };
  });
}

/** Connects and logs in without sending anything (health). */
export async function verifySmtp(config: SmtpConfig, signal: AbortSignal): Promise<void> {
  await withSmtp(config, signal, async () => undefined);
}
