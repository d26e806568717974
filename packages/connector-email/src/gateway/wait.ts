import type { ImapFlow } from 'imapflow';

/**
 * Waits until the server announces new mail (an EXISTS while the connection IDLEs), the
 * connection drops, `ms` pass, or `signal` aborts, whichever comes first. The caller then
 * searches again; a dropped connection fails that search, which reconnects.
 */
export function waitForMail(client: ImapFlow, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('exists', done);
      client.off('close', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.on('exists', done);
    client.on('close', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
