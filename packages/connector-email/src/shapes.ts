import type { FetchMessageObject, MessageAddressObject } from 'imapflow';
import type { AddressObject, ParsedMail } from 'mailparser';

/** An address as the envelope carries it: `name` is null when the header gave none. */
export interface Address {
  name: string | null;
  address: string;
}

const iso = (value: Date | string | undefined) => (value === undefined ? null : new Date(value).toISOString());

export function addresses(list: MessageAddressObject[] | undefined): Address[] {
  return (list ?? []).filter((a) => a.address).map((a) => ({ name: a.name || null, address: a.address! }));
}

/** One row of `mail list`: the envelope only, no body is fetched. */
export function summary(message: FetchMessageObject) {
  const envelope = message.envelope ?? {};
  const flags = [...(message.flags ?? [])];
  return {
    uid: message.uid,
    message_id: envelope.messageId ?? null,
    date: iso(envelope.date) ?? iso(message.internalDate),
    from: addresses(envelope.from)[0] ?? null,
    to: addresses(envelope.to),
    cc: addresses(envelope.cc),
    subject: envelope.subject ?? '',
    in_reply_to: envelope.inReplyTo ?? null,
    flags,
    seen: flags.includes('\\Seen'),
    size: message.size ?? null,
  };
}

function parsedAddresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const groups = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return groups.flatMap((group) => group.value).filter((a) => a.address).map((a) => ({ name: a.name || null, address: a.address! }));
}

/** Message-IDs of `References`, oldest first. */
export function referenceList(parsed: Pick<ParsedMail, 'references'>): string[] {
  const value = parsed.references;
  return value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);
}

/** The whole message as `mail read` returns it; attachments as metadata only. */
export function fullMessage(uid: number, parsed: ParsedMail, flags: Set<string> | undefined, includeHtml: boolean) {
  return {
    uid,
    message_id: parsed.messageId ?? null,
    date: parsed.date ? parsed.date.toISOString() : null,
    from: parsedAddresses(parsed.from)[0] ?? null,
    to: parsedAddresses(parsed.to),
    cc: parsedAddresses(parsed.cc),
    reply_to: parsedAddresses(parsed.replyTo),
    subject: parsed.subject ?? '',
    in_reply_to: parsed.inReplyTo ?? null,
    references: referenceList(parsed),
    flags: [...(flags ?? [])],
    text: parsed.text ?? '',
    has_html: typeof parsed.html === 'string',
    ...(includeHtml ? { html: typeof parsed.html === 'string' ? parsed.html : null } : {}),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      content_type: a.contentType,
      size: a.size,
      content_id: a.contentId ?? null,
      inline: a.contentDisposition === 'inline',
    })),
  };
}
