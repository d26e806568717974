import * as z from 'zod';

/** A conversation id (public or private channel, DM, group DM): https://docs.slack.dev/reference/objects/conversation-object */
export const channelInput = z
  .string()
  .regex(/^[A-Z0-9]{2,}$/, 'expected a channel id such as C012AB3CD (see `channel list`), not a #name')
  .describe('Conversation id (C..., G... or D...)');

/** A message timestamp, Slack's message id within a channel: `1512085950.000216`. */
export const tsInput = (what: string) => z.string().regex(/^\d+(\.\d+)?$/, 'expected a Slack timestamp such as 1512085950.000216').describe(what);

/** Block Kit blocks given as a JSON array on the command line: https://docs.slack.dev/reference/block-kit/blocks */
export const blocksInput = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON array of blocks' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.looseObject({ type: z.string() })).min(1, 'expected at least one block'))
  .optional()
  .describe('Block Kit blocks as a JSON array, e.g. \'[{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}}]\'');

export const textInput = z.string().min(1).optional().describe('Message text (mrkdwn); the notification fallback when --blocks is given');
