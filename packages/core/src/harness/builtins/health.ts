import type { Health } from '@aos-connectors/contract';
import { isAosError } from '@aos-connectors/contract';
import { connectorError } from '../connector-error.js';
import type { ResolvedSettings } from '../settings.js';
import type { CommandContext, ConnectorDefinition } from '../types.js';

const DEGRADED_CODES = new Set(['BACKEND_UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED']);

/**
 * `health` (CONTRACT §5): missing credentials → needs_setup without any request; otherwise one
 * cheap probe. Always a status, never a thrown error, so it exits 0 whenever it could decide.
 */
export async function runHealth(definition: ConnectorDefinition, settings: ResolvedSettings, ctx: CommandContext): Promise<Health> {
  const missing = settings.missingSecrets();
  if (missing.length > 0) {
    return {
      status: 'needs_setup',
      ready: false,
      checks: [{ name: 'credentials', ok: false, detail: `${missing.join(', ')} not set` }],
      next_steps: [...definition.auth.interactive_setup, `Set ${missing.join(', ')} in the environment.`],
    };
  }
  const credentials = {
    name: 'credentials',
    ok: true,
    detail: definition.secrets.length ? `${definition.secrets.map((s) => `${s.name} from ${settings.source(s.name) ?? 'unset'}`).join(', ')}` : 'none needed',
  };
  if (!definition.health) {
    return { status: 'healthy', ready: true, checks: [credentials], next_steps: [] };
  }
  try {
    const probe = await definition.health(ctx);
    return { status: 'healthy', ready: true, checks: [credentials, { name: 'api', ok: true, detail: probe.detail }], next_steps: [] };
  } catch (thrown) {
    const error = connectorError(definition, thrown);
    if (!isAosError(thrown) && thrown instanceof Error) ctx.log(thrown.stack ?? thrown.message);
    const authProblem = error.code === 'AUTH_FAILED' || error.code === 'AUTH_REQUIRED';
    const status = DEGRADED_CODES.has(error.code) ? 'degraded' : 'error';
    return {
      status,
      ready: false,
      checks: [
        { ...credentials, ok: !authProblem, detail: authProblem ? `rejected: ${error.message}` : credentials.detail },
        { name: 'api', ok: false, detail: `${error.code}: ${error.message}` },
      ],
      next_steps: authProblem
        ? [`Check that ${definition.secrets.map((s) => s.name).join(', ')} is valid and not expired.`, ...definition.auth.interactive_setup]
        : [`The API could not be used (${error.code}); check the network and ${definition.http?.baseUrl.setting ?? 'the base URL'}, then retry.`],
    };
  }
}
