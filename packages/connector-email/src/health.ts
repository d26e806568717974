import type { CommandContext, HealthProbeResult } from '@aos-connectors/core';
import { endpoint, imapConfig, smtpConfig } from './config.js';
import { withImap } from './imap.js';

/**
 * Logs in to IMAP (and counts the mailbox), then, when EMAIL_SMTP_HOST is set, logs in to SMTP
 * without sending. The core reports needs_setup before this runs when EMAIL_PASSWORD is unset.
 */
export async function emailHealth({ settings, signal }: CommandContext): Promise<HealthProbeResult> {
  const imap = imapConfig(settings);
  const status = await withImap(imap, signal, (client) => client.status(imap.mailbox, { messages: true, unseen: true }));
  const counts = status ? `; ${imap.mailbox} holds ${status.messages ?? '?'} message(s), ${status.unseen ?? '?'} unseen` : '';
  let detail = `logged in to IMAP ${endpoint(imap)} as ${imap.user}${counts}`;
  if (settings.get('EMAIL_SMTP_HOST')) {
    const smtp = smtpConfig(settings);
    const { verifySmtp } = await import('./smtp.js');
    await verifySmtp(smtp, signal);
    detail += `; SMTP ${endpoint(smtp)} accepted the login`;
  }
  return { detail };
}
