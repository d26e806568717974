import type { ImapFlow } from 'imapflow';
import { endpoint, type ImapConfig } from './config.js';
import { deadlineError, mapMailError } from './errors.js';

/** Library timeouts: a bound even when the caller set no deadline. */
export const IMAP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

export const imapWhere = (config: ImapConfig) => `IMAP ${endpoint(config)}`;

/**
 * Connects and logs in, or throws a contract error. `signal` (the caller's deadline, or the
 * gateway's stop) closes the socket at once, whatever phase the connection is in.
 */
export async function openImap(config: ImapConfig, signal: AbortSignal, options: { idle?: boolean } = {}): Promise<ImapFlow> {
  // Loaded on first use: --version, capabilities and help never pay for the IMAP stack.
  // A bundled build gets CommonJS imapflow as a chunk with only a default export.
  const loaded = await import('imapflow');
  const { ImapFlow } = 'ImapFlow' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default;
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.password ?? '' },
    logger: false,
    ...IMAP_TIMEOUTS,
    // The gateway idles so the server pushes new mail; one-shot commands never need to. IDLE is
    // renewed well inside the inactivity timeout, which is longer than servers' IDLE keepalives.
    ...(options.idle ? { autoIdleDelay: 1000, maxIdleTime: 45_000, socketTimeout: 180_000 } : { disableAutoIdle: true }),
  });
  // An 'error' event without a listener would crash the process; failures surface as rejections.
  client.on('error', () => undefined);
  const where = imapWhere(config);
  if (signal.aborted) throw deadlineError(where);
  const onAbort = () => client.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    throw signal.aborted ? deadlineError(where) : mapMailError(error, where);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Logs out politely, but never waits on a dead server for more than a moment. */
export async function closeImap(client: ImapFlow): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
  await Promise.race([client.logout().catch(() => undefined), giveUp]);
  clearTimeout(timer);
  client.close();
}

/**
 * One IMAP session for one command: connect, `work`, log out. The caller's deadline closes the
 * connection wherever it is; every failure comes out as a contract error.
 */
export async function withImap<T>(config: ImapConfig, signal: AbortSignal, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await openImap(config, signal);
  const where = imapWhere(config);
  const onAbort = () => client.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await work(client);
    await closeImap(client);
    return result;
  } catch (error) {
    client.close();
    throw signal.aborted ? deadlineError(where) : mapMailError(error, where);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Opens `mailbox` read-only, so reading never changes flags such as \Seen. */
export async function openReadOnly(client: ImapFlow, mailbox: string) {
  return client.mailboxOpen(mailbox, { readOnly: true });
}
