import type { HttpProfile } from '@aos-connectors/core';
import { telegramBodyError, telegramErrorMessage } from './errors.js';

export const TELEGRAM_API_URL = 'https://api.telegram.org';

/**
 * How the Bot API is called: https://core.telegram.org/bots/api#making-requests
 * The token travels in the path (`/bot<token>/<method>`, see bot-api.ts), not in a header, so
 * there is no `auth` hook. Failures come as `{ok:false, error_code, description, parameters}`
 * with the matching HTTP status; `checkBody` also catches one that arrives with a 2xx.
 */
export const telegramHttp: HttpProfile = {
  baseUrl: { setting: 'TELEGRAM_API_URL', default: TELEGRAM_API_URL },
  headers: { accept: 'application/json' },
  requiredSecrets: ['TELEGRAM_BOT_TOKEN'],
  errorMessage: telegramErrorMessage,
  checkBody: (body, response) => {
    const error = telegramBodyError(body, response);
    if (error) throw error;
  },
};
