import * as z from 'zod';

/** What the mail commands return, as shapes.ts and the send handler build it. */

/** An address: `name` is null when the header gave none. */
const address = z
  .object({
    name: z.string().nullable().describe('Display name, or null'),
    address: z.string().describe('Email address'),
  })
  .describe('A mail address');

const addresses = (what: string) => z.array(address).describe(what);

/** Fields of both a `mail list` row and `mail read`. */
const common = {
  uid: z.number().int().describe('Message UID in the mailbox (for mail read)'),
  message_id: z.string().nullable().describe('Message-ID header, or null'),
  date: z.string().nullable().describe('Date (ISO 8601), or null'),
  from: address.nullable().describe('Sender, or null'),
  to: addresses('Recipients'),
  cc: addresses('Copy recipients'),
  subject: z.string().describe('Subject ("" when none)'),
  in_reply_to: z.string().nullable().describe('Message-ID this message answers, or null'),
  flags: z.array(z.string()).describe('IMAP flags, e.g. \\Seen, \\Flagged'),
};

/** One row of `mail list` (shapes.ts summary): the envelope only. */
export const mailSummary = z.object({
  ...common,
  seen: z.boolean().describe('Whether the \\Seen flag is set'),
  size: z.number().int().nullable().describe('Size in bytes (RFC822.SIZE), or null'),
});

/** `mail read` (shapes.ts fullMessage, plus the mailbox). */
export const mailMessage = z.object({
  mailbox: z.string().describe('Mailbox holding the message'),
  ...common,
  reply_to: addresses('Reply-To addresses'),
  references: z.array(z.string()).describe('Message-IDs of References, oldest first'),
  text: z.string().describe('Plain-text body ("" when none)'),
  has_html: z.boolean().describe('Whether the message has an HTML body'),
  html: z.string().nullable().optional().describe('HTML body, with --html only (null when none)'),
  attachments: z
    .array(
      z.object({
        filename: z.string().nullable().describe('File name, or null'),
        content_type: z.string().describe('MIME type'),
        size: z.number().int().describe('Size in bytes'),
        content_id: z.string().nullable().describe('Content-ID (inline parts), or null'),
        inline: z.boolean().describe('Whether it is an inline part'),
      }),
    )
    .describe('Attachment metadata (no content)'),
});

/** `mail send`: the SMTP delivery (smtp.ts deliver) with the envelope and subject. */
export const mailSent = z.object({
  sent: z.literal(true).describe('The SMTP server accepted the message'),
  message_id: z.string().describe('Message-ID header of the sent message'),
  accepted: z.array(z.string()).describe('Recipients the server accepted'),
  rejected: z.array(z.string()).describe('Recipients the server rejected'),
  response: z.string().describe("The server's final SMTP response"),
  envelope: z
    .object({
      from: z.string().describe('SMTP MAIL FROM address'),
      to: z.array(z.string()).describe('SMTP RCPT TO addresses (to and cc)'),
    })
    .describe('The SMTP envelope'),
  subject: z.string().describe('Subject line'),
});
