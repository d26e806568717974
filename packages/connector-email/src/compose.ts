import { randomBytes } from 'node:crypto';
import { endpoint, type SmtpConfig } from './config.js';

/** What one send puts on the wire: the SMTP envelope, the headers and the body. */
export interface PlannedMail {
  envelope: { from: string; to: string[] };
  headers: {
    From: string;
    To: string;
    Cc?: string;
    Subject: string;
    'Message-ID': string;
    'In-Reply-To'?: string;
    References?: string;
  };
  text: string;
  html?: string;
}

export interface MailInput {
  to: string[];
  cc?: string[] | undefined;
  subject: string;
  text: string;
  html?: string | undefined;
  /** Message-ID this mail answers (with or without angle brackets). */
  inReplyTo?: string | undefined;
  /** The thread's Message-IDs, oldest first; defaults to inReplyTo. */
  references?: string[] | undefined;
  /** A fixed Message-ID (the gateway's, stable across resends); random otherwise. */
  messageId?: string | undefined;
}

/** `<id>` from `id` or `<id>`. */
export const bracketed = (id: string) => `<${id.trim().replace(/^<|>$/g, '')}>`;

/** A fresh Message-ID in the sender's domain. */
export function newMessageId(from: string, seed = randomBytes(12).toString('hex')): string {
  const domain = from.split('@')[1]?.replace(/>.*$/, '') || 'localhost';
  return `<aos-${seed}@${domain}>`;
}

/**
 * The one description of a send that both the real send and --dry-run use, so a dry run shows
 * exactly the envelope, headers and body that would go out (only the Date header is added when
 * it is sent).
 */
export function planMail(input: MailInput, config: Pick<SmtpConfig, 'from'>): PlannedMail {
  const inReplyTo = input.inReplyTo ? bracketed(input.inReplyTo) : undefined;
  const references = input.references?.length ? input.references.map(bracketed) : inReplyTo ? [inReplyTo] : [];
  const headers: PlannedMail['headers'] = {
    From: config.from,
    To: input.to.join(', '),
    ...(input.cc?.length ? { Cc: input.cc.join(', ') } : {}),
    Subject: input.subject,
    'Message-ID': input.messageId ? bracketed(input.messageId) : newMessageId(config.from),
    ...(inReplyTo ? { 'In-Reply-To': inReplyTo } : {}),
    ...(references.length ? { References: references.join(' ') } : {}),
  };
  return {
    envelope: { from: bareAddress(config.from), to: [...input.to, ...(input.cc ?? [])].map(bareAddress) },
    headers,
    text: input.text,
    ...(input.html !== undefined ? { html: input.html } : {}),
  };
}

/** `a@b.c` from `Name <a@b.c>` or `a@b.c`. */
export function bareAddress(address: string): string {
  return (/<([^>]+)>/.exec(address)?.[1] ?? address).trim();
}

/** The dry-run view (CONTRACT §4): what would be sent, and where, with nothing sent. */
export function dryRunRequest(plan: PlannedMail, config: Pick<SmtpConfig, 'host' | 'port' | 'secure'>) {
  return {
    method: 'SMTP',
    url: `${config.secure ? 'smtps' : 'smtp'}://${endpoint(config)}`,
    headers: plan.headers,
    body: { envelope: plan.envelope, text: plan.text, ...(plan.html !== undefined ? { html: plan.html } : {}) },
  };
}
