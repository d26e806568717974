import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { botGet } from '../bot-api.js';
import { webhookInfo } from '../output-shapes.js';

/**
 * getWebhookInfo — https://core.telegram.org/bots/api#getwebhookinfo
 * An empty `url` means long polling (the gateway) can work; otherwise getUpdates answers 409.
 */
export const webhookGet = command({
  id: 'webhook.get',
  summary: 'Show the webhook status: an empty url means the gateway can poll',
  resource: 'webhook',
  action: 'read',
  risk: 1,
  input: z.object({}),
  examples: ['aos-telegram --json webhook get'],
  output: webhookInfo,
  run: (_input, ctx) => botGet(ctx, 'getWebhookInfo'),
});
