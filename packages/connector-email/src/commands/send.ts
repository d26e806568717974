import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { smtpConfig } from '../config.js';
import { dryRunRequest, planMail } from '../compose.js';
import { mailSent } from '../output-shapes.js';

const addressList = (what: string) => z.array(z.email()).describe(`${what} (repeatable or comma-separated)`);

/** Sends one message over SMTP. A dry run returns the planned envelope, headers and body and connects to nothing. */
export const mailSend = command({
  id: 'mail.send',
  summary: 'Send an email over SMTP',
  resource: 'message',
  action: 'write',
  risk: 2,
  input: z.object({
    to: addressList('Recipient addresses').min(1),
    cc: addressList('Copy recipients').optional(),
    subject: z.string().min(1).describe('Subject line'),
    text: z.string().min(1).describe('Plain-text body'),
    html: z.string().min(1).optional().describe('HTML body, sent as an alternative to --text'),
    in_reply_to: z.string().min(3).optional().describe('Message-ID this mail answers (threads the reply)'),
  }),
  requires: ['EMAIL_SMTP_HOST', 'EMAIL_USER'],
  examples: ['aos-email --json --mode write mail send --to ann@example.com --subject "Report" --text "Attached below."'],
  output: mailSent,
  run: async (input, { settings, dryRun, signal, recordSideEffect }) => {
    const config = smtpConfig(settings, !dryRun);
    const plan = planMail({ to: input.to, cc: input.cc, subject: input.subject, text: input.text, html: input.html, inReplyTo: input.in_reply_to }, config);
    if (dryRun) return { dry_run: true, request: dryRunRequest(plan, config) };
    const { deliver } = await import('../smtp.js');
    const delivery = await deliver(config, plan, signal);
    recordSideEffect({ kind: 'send', resource: 'message', id: delivery.message_id });
    return { sent: true, ...delivery, envelope: plan.envelope, subject: input.subject };
  },
});
