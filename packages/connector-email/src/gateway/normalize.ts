import type { IncomingMessage } from '@aos-connectors/messaging';
import type { ParsedMail } from 'mailparser';
import { referenceList } from '../shapes.js';

const bare = (id: string) => id.trim().replace(/^<|>$/g, '');

/**
 * A received mail as a gateway Message (CONTRACT §9). The id comes from the Message-ID header,
 * so the same mail seen again (a restart, a copy in another folder) is written to the inbox once;
 * mail without one falls back to its UIDVALIDITY and UID. The conversation is the sender (a dm);
 * the thread is the root of References, else In-Reply-To, else this message itself, so a reply
 * sent with that thread_id joins the same thread in the recipient's mail client.
 */
export function toIncoming(parsed: ParsedMail, where: { uidValidity: string; uid: number; internalDate?: Date | string | undefined }): IncomingMessage {
  const messageId = parsed.messageId ? bare(parsed.messageId) : undefined;
  const from = parsed.from?.value.find((a) => a.address);
  const address = (from?.address ?? 'unknown').toLowerCase();
  const name = from?.name || null;
  const thread = referenceList(parsed)[0] ?? parsed.inReplyTo ?? parsed.messageId;
  const subject = parsed.subject?.trim();
  const body = (parsed.text ?? '').trim();
  const date = parsed.date ?? (where.internalDate ? new Date(where.internalDate) : undefined);
  return {
    id: `email:${messageId ?? `${where.uidValidity}:${where.uid}`}`,
    ...(date && !Number.isNaN(date.getTime()) ? { timestamp: date.toISOString() } : {}),
    sender: { id: address, username: address, display_name: name },
    // Mail has a subject the other platforms lack; it leads the text so the agent sees it.
    content: {
      text: subject ? `Subject: ${subject}\n\n${body}` : body,
      attachments: parsed.attachments.map((a) => ({
        type: 'file',
        ...(a.filename ? { name: a.filename } : {}),
        mime_type: a.contentType,
        size: a.size,
      })),
    },
    conversation: { id: address, type: 'dm', name: name ?? address },
    ...(thread ? { thread_id: bare(thread) } : {}),
  };
}
