import type { ImapFlow } from 'imapflow';
import { ConfigError, isAosError, ValidationFailedError, type CommandContext } from '@aos-connectors/core';
import { type MessagingAdapter, type PollRequest, type PollResult } from '@aos-connectors/messaging';
import { imapConfig, smtpConfig, type ImapConfig, type SmtpConfig } from '../config.js';
import { newMessageId, planMail } from '../compose.js';
import { mapMailError, searchFailed } from '../errors.js';
import { closeImap, imapWhere, openImap } from '../imap.js';
import { emailCursorSchema, type EmailCursor } from './cursor.js';
import { toIncoming } from './normalize.js';
import { SubjectMemory, replySubject } from './subjects.js';
import { waitForMail } from './wait.js';

/** Messages fetched per poll, so one huge backlog does not hold a batch in memory. */
const BATCH = 25;
/** Bigger messages are delivered from their envelope only (their text is not downloaded). */
const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * IMAP in, SMTP out (CONTRACT §9). Receiving keeps one IMAP connection that IDLEs, so new mail
 * wakes the poll at once; EMAIL_POLL_SECONDS is the fallback for servers that push nothing.
 */
export function emailAdapter(ctx: CommandContext): MessagingAdapter<EmailCursor> {
  // Settings are read on first use (connect, send), not here: building the adapter for a dry
  // run's plan must not fail. A missing one stops the gateway at connect with CONFIG_ERROR.
  let settings: { imap: ImapConfig; smtp: SmtpConfig; where: string } | undefined;
  const config = () => {
    if (!settings) {
      const imap = imapConfig(ctx.settings);
      settings = { imap, smtp: smtpConfig(ctx.settings), where: imapWhere(imap) };
    }
    return settings;
  };
  const pollMs = pollInterval(ctx.settings.get('EMAIL_POLL_SECONDS'));
  const fallbackSubject = ctx.settings.get('EMAIL_GATEWAY_SUBJECT') ?? 'Message from your agent';
  const subjects = new SubjectMemory();
  let client: ImapFlow | undefined;

  const poll = async ({ cursor, signal, log }: PollRequest<EmailCursor>): Promise<PollResult<EmailCursor>> => {
    const { imap, where } = config();
    // imapflow answers some commands on a closed connection with false rather than an error:
    // check first, so a lost server means a reconnect, not an endless empty poll.
    const box = client?.usable ? client.mailbox : undefined;
    if (!client || !box) throw mapMailError({ code: 'NoConnection' }, where);
    const uidValidity = String(box.uidValidity);
    const saved = emailCursorSchema.safeParse(cursor);
    if (!saved.success || saved.data.uidvalidity !== uidValidity) {
      // First start, or the server renumbered the mailbox: old UIDs mean nothing now. Start after
      // the newest message rather than replaying the whole mailbox into the inbox.
      if (saved.success) log(`${imap.mailbox}: UIDVALIDITY changed (${saved.data.uidvalidity} -> ${uidValidity}); resyncing from the newest message`);
      return { messages: [], cursor: { uidvalidity: uidValidity, last_uid: Math.max(0, box.uidNext - 1) } };
    }
    const last = saved.data.last_uid;
    const searched = await client.search({ uid: `${last + 1}:*` }, { uid: true });
    if (!Array.isArray(searched)) throw searchFailed(where);
    const found = searched.filter((uid) => uid > last).sort((a, b) => a - b);
    if (found.length === 0) {
      await waitForMail(client, pollMs, signal);
      return { messages: [], cursor: saved.data };
    }
    const batch = found.slice(0, BATCH);
    const heads = await client.fetchAll(batch.join(','), { uid: true, size: true, internalDate: true, envelope: true }, { uid: true });
    const { simpleParser } = await import('mailparser').then((m) => ('simpleParser' in m ? m : (m as unknown as { default: typeof m }).default));
    const messages = [];
    for (const head of heads.sort((a, b) => a.uid - b.uid)) {
      const small = (head.size ?? 0) <= MAX_SOURCE_BYTES;
      const full = small ? await client.fetchOne(String(head.uid), { uid: true, source: true }, { uid: true }) : undefined;
      const parsed = await simpleParser(full && full.source ? full.source : headerOnly(head.envelope, head.size), { skipImageLinks: true, skipTextToHtml: true });
      const message = toIncoming(parsed, { uidValidity, uid: head.uid, internalDate: head.internalDate });
      if (message.thread_id && parsed.subject) subjects.remember(message.thread_id, parsed.subject);
      messages.push(message);
    }
    return { messages, cursor: { uidvalidity: uidValidity, last_uid: batch.at(-1)! } };
  };

  return {
    type: 'email',
    // poll waits for new mail itself (IDLE or the fallback interval).
    idleDelayMs: 0,
    async connect({ signal, log }) {
      const { imap, where } = config();
      client = await openImap(imap, signal, { idle: true });
      try {
        await client.mailboxOpen(imap.mailbox, { readOnly: true });
      } catch (error) {
        const mapped = mapMailError(error, where);
        // A mailbox that does not exist will not appear by reconnecting: stop instead.
        if (isAosError(mapped) && mapped.code === 'NOT_FOUND') {
          throw new ConfigError(`EMAIL_MAILBOX "${imap.mailbox}" does not exist on the ${where} server`, { cause: error, details: { setting: 'EMAIL_MAILBOX' } });
        }
        throw mapped;
      }
      log(`connected to ${where} as ${imap.user}, watching ${imap.mailbox}`);
    },
    async poll(request) {
      try {
        return await poll(request);
      } catch (error) {
        throw mapMailError(error, config().where);
      }
    },
    async send(message, { signal }) {
      const { smtp } = config();
      const to = message.conversation_id.trim();
      if (!EMAIL.test(to)) throw new ValidationFailedError(`conversation_id "${to}" is not an email address`, { details: { conversation_id: to } });
      const plan = planMail(
        {
          to: [to],
          subject: message.thread_id ? replySubject(subjects.get(message.thread_id) ?? fallbackSubject) : fallbackSubject,
          text: message.text,
          inReplyTo: message.thread_id,
          // The outbox file's id is stable across resends, so a resent message keeps its Message-ID.
          messageId: newMessageId(smtp.from, message.id.replace(/[^A-Za-z0-9._-]/g, '_')),
        },
        smtp,
      );
      const { deliver } = await import('../smtp.js');
      const delivery = await deliver(smtp, plan, signal);
      return { platform_id: delivery.message_id };
    },
    async disconnect() {
      const current = client;
      client = undefined;
      if (current) await closeImap(current);
    },
  };
}

function pollInterval(value: string | undefined): number {
  const seconds = Number(value ?? '30');
  // Bounded: below 0.1 s is a busy loop, and past an hour a server without IDLE looks dead.
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(3_600_000, Math.max(100, seconds * 1000)) : 30_000;
}

/** A stand-in source for a message too big to download: its envelope as headers. */
function headerOnly(envelope: { subject?: string | undefined; messageId?: string | undefined; inReplyTo?: string | undefined; from?: { name?: string | undefined; address?: string | undefined }[] | undefined } | undefined, size: number | undefined): string {
  const from = envelope?.from?.[0];
  const lines = [
    from?.address ? `From: ${from.name ? `"${from.name.replace(/"/g, '')}" ` : ''}<${from.address}>` : undefined,
    envelope?.subject ? `Subject: ${envelope.subject.replace(/[\r\n]+/g, ' ')}` : undefined,
    envelope?.messageId ? `Message-ID: ${envelope.messageId}` : undefined,
    envelope?.inReplyTo ? `In-Reply-To: ${envelope.inReplyTo}` : undefined,
  ].filter(Boolean);
  return `${lines.join('\r\n')}\r\n\r\n(The message is ${size ?? 'too many'} bytes, too large to download; read it in a mail client.)\r\n`;
}
