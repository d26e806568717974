import { createHttpClient } from '../http/client.js';
import type { Deadline } from '../http/deadline.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/read-body.js';
import { isTrustedOrigin } from '../http/ssrf/options.js';
import { createSsrfDispatcher } from '../http/ssrf/dispatcher.js';
import { effectiveMaxResponseBytes } from '../policy/enforce.js';
import { createRequestGuard } from '../policy/request-guard.js';
import { defaultToolPolicy } from '../policy/tool-policy.js';
import type { Call } from './run.js';
import type { CommandContext } from './types.js';

/** What a handler gets: the HTTP client (with policy, SSRF guard and audit), settings, paging and logging. */
export function commandContext(call: Call, deadline: Deadline): CommandContext {
  const { definition, flags, settings } = call;
  const log = (message: string) => {
    if (flags.verbose) call.stderr.write(`[${definition.tool}] ${message}\n`);
  };
  // `.invalid` never resolves (RFC 2606), unlike `*.localhost`, which is loopback.
  const profile = definition.http ?? { baseUrl: { setting: '', default: 'https://no-base-url.invalid' } };
  const requiredSecrets =
    profile.requiredSecrets ?? (definition.auth.required ? definition.secrets.filter((s) => s.required !== false).map((s) => s.name) : []);
  const baseUrl = (profile.baseUrl.setting && settings.get(profile.baseUrl.setting)) || profile.baseUrl.default;
  const policy = call.policy ?? defaultToolPolicy(definition.tool);
  // The operator-configured base URL is trusted as configured; other hosts pass the guard.
  const guard = createRequestGuard(policy, { baseUrl });
  const http = createHttpClient({
    userAgent: `${definition.tool}/${call.invocation.version} (+https://github.com/aos-connectors)`,
    profile,
    baseUrl,
    secret: (name) => settings.get(name),
    requiredSecrets,
    deadline,
    dryRun: flags.dryRun,
    exchanges: call.exchanges,
    requestIds: call.invocation.requestIds,
    log,
    maxResponseBytes: effectiveMaxResponseBytes(policy, DEFAULT_MAX_RESPONSE_BYTES),
    beforeRequest: (url, source) => guard.check(url, source),
    // undici is loaded only when a request leaves the trusted origin.
    dispatcherFor: async (url) =>
      isTrustedOrigin(guard.ssrf, url) ? undefined : (await (call.ssrf ??= createSsrfDispatcher(guard.ssrf))).dispatcher,
  });
  return {
    http,
    settings,
    mode: flags.mode,
    dryRun: flags.dryRun,
    verbose: flags.verbose,
    page: { cursor: null, size: 0 },
    signal: deadline.signal,
    log,
    warn: (message) => call.stderr.write(`${message}\n`),
    scrub: (text) => call.scrubber.scrub(text),
    recordSideEffect: (effect) => call.sideEffects.push(effect),
  };
}
