import * as z from 'zod';
import { command, NotFoundError } from '@aos-connectors/core';
import { imapConfig } from '../config.js';
import { openReadOnly, withImap } from '../imap.js';
import { fullMessage } from '../shapes.js';
import { mailMessage } from '../output-shapes.js';

/** UID FETCH of the whole message (BODY.PEEK, so \Seen is not set), parsed with mailparser. */
export const mailRead = command({
  id: 'mail.read',
  summary: 'Read one message by UID: headers, text, and attachment metadata',
  resource: 'message',
  action: 'read',
  risk: 1,
  input: z.object({
    uid: z.number().int().positive().describe('The message UID (from mail list)'),
    mailbox: z.string().min(1).optional().describe('Mailbox holding the message (default: EMAIL_MAILBOX, else INBOX)'),
    html: z.boolean().optional().describe('Include the HTML body as well as the text'),
  }),
  positionals: ['uid'],
  requires: ['EMAIL_IMAP_HOST', 'EMAIL_USER'],
  examples: ['aos-email --json mail read 42'],
  output: mailMessage,
  run: async ({ uid, mailbox, html }, { settings, signal }) => {
    const config = imapConfig(settings);
    const box = mailbox ?? config.mailbox;
    const message = await withImap(config, signal, async (client) => {
      await openReadOnly(client, box);
      return client.fetchOne(String(uid), { uid: true, source: true, flags: true }, { uid: true });
    });
    if (!message || !message.source) {
      throw new NotFoundError(`No message with UID ${uid} in ${box}`, { details: { uid, mailbox: box }, hint: 'Run "mail list" for the UIDs in the mailbox.' });
    }
    const { simpleParser } = await import('mailparser').then((m) => ('simpleParser' in m ? m : (m as unknown as { default: typeof m }).default));
    const parsed = await simpleParser(message.source, { skipImageLinks: true, skipTextToHtml: true });
    return { mailbox: box, ...fullMessage(uid, parsed, message.flags, html ?? false) };
  },
});
