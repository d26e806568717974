import type { HttpProfile } from '@aos-connectors/core';
import { isSlackErrorBody, methodOf, slackBodyError, slackErrorMessage } from './errors.js';

export const SLACK_API_URL = 'https://slack.com/api';

/**
 * How the Web API is called: https://docs.slack.dev/apis/web-api/
 * Bearer token in the Authorization header; methods are `<base>/<method>`. Slack answers most
 * failures with HTTP 200 and `{ok:false, error}`, which `checkBody` turns into contract errors;
 * rate limits are HTTP 429 with Retry-After, which the core honours.
 */
export const slackHttp: HttpProfile = {
  baseUrl: { setting: 'SLACK_API_URL', default: SLACK_API_URL },
  headers: { accept: 'application/json' },
  auth: (secret) => ({ authorization: `Bearer ${secret('SLACK_BOT_TOKEN')}` }),
  requiredSecrets: ['SLACK_BOT_TOKEN'],
  requestIdHeader: 'x-slack-req-id',
  errorMessage: slackErrorMessage,
  checkBody: (body, response) => {
    if (isSlackErrorBody(body)) throw slackBodyError(body, methodOf(response.url), response.status, response.headers);
  },
};
