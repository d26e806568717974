import * as z from 'zod';
import type { SearchObject } from 'imapflow';
import { command, UsageError, type Page } from '@aos-connectors/core';
import { imapConfig } from '../config.js';
import { searchFailed } from '../errors.js';
import { imapWhere, openReadOnly, withImap } from '../imap.js';
import { summary } from '../shapes.js';
import { mailSummary } from '../output-shapes.js';

/**
 * A list cursor: the mailbox's UIDVALIDITY and the UID the next page ends below. UIDs only grow,
 * so mail that arrives between two pages never shifts them; a new UIDVALIDITY voids the cursor.
 */
export function encodeCursor(uidValidity: string, below: number): string {
  return `${uidValidity}:${below}`;
}

export function decodeCursor(cursor: string | null): { uidValidity: string; below: number } | undefined {
  if (cursor === null) return undefined;
  const match = /^(\d+):(\d+)$/.exec(cursor);
  if (!match) throw new UsageError(`--cursor "${cursor}" is not a mail list cursor`, { hint: 'Pass the next_cursor of an earlier mail list.' });
  return { uidValidity: match[1]!, below: Number(match[2]) };
}

/** The IMAP SEARCH for the filters given (all messages when none). */
function searchQuery(input: { from?: string | undefined; subject?: string | undefined; since?: string | undefined; unseen?: boolean | undefined }, below?: number): SearchObject {
  const query: SearchObject = {};
  if (below !== undefined) query.uid = `1:${below - 1}`;
  if (input.from) query.from = input.from;
  if (input.subject) query.subject = input.subject;
  if (input.since) query.since = new Date(input.since);
  if (input.unseen) query.seen = false;
  return Object.keys(query).length ? query : { all: true };
}

/** UID SEARCH, then a FETCH of the envelopes of one page, newest (highest UID) first. */
export const mailList = command({
  id: 'mail.list',
  summary: 'List messages in a mailbox, newest first (envelopes only)',
  resource: 'message',
  action: 'read',
  risk: 1,
  input: z.object({
    mailbox: z.string().min(1).optional().describe('Mailbox to list (default: EMAIL_MAILBOX, else INBOX)'),
    unseen: z.boolean().optional().describe('Only messages without the \\Seen flag'),
    from: z.string().min(1).optional().describe('Only messages whose From contains this text'),
    subject: z.string().min(1).optional().describe('Only messages whose Subject contains this text'),
    since: z.iso.date().optional().describe('Only messages received on or after this date (YYYY-MM-DD)'),
  }),
  list: { key: 'messages', maxPageSize: 100, defaultLimit: 20, columns: ['uid', 'date', 'from.address', 'subject'] },
  requires: ['EMAIL_IMAP_HOST', 'EMAIL_USER'],
  examples: ['aos-email --json mail list --unseen --limit 10'],
  output: mailSummary,
  run: async (input, { settings, signal, page }): Promise<Page> => {
    const config = imapConfig(settings);
    const mailbox = input.mailbox ?? config.mailbox;
    const cursor = decodeCursor(page.cursor);
    return withImap(config, signal, async (client) => {
      const opened = await openReadOnly(client, mailbox);
      const uidValidity = String(opened.uidValidity);
      if (cursor && cursor.uidValidity !== uidValidity) {
        throw new UsageError(`The cursor is from an earlier state of ${mailbox} (UIDVALIDITY changed)`, { hint: 'List again without --cursor.' });
      }
      const found = cursor && cursor.below <= 1 ? [] : await client.search(searchQuery(input, cursor?.below), { uid: true });
      if (!Array.isArray(found)) throw searchFailed(imapWhere(config));
      const newestFirst = [...found].sort((a, b) => b - a);
      const uids = newestFirst.slice(0, page.size);
      const items = uids.length
        ? (await client.fetchAll(uids.join(','), { uid: true, envelope: true, flags: true, internalDate: true, size: true }, { uid: true }))
            .sort((a, b) => b.uid - a.uid)
            .map(summary)
        : [];
      const more = newestFirst.length > uids.length;
      return { items, next_cursor: more ? encodeCursor(uidValidity, uids.at(-1)!) : null, meta: { mailbox, uidvalidity: uidValidity } };
    });
  },
});
