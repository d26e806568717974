import { ConfigError } from '@aos-connectors/contract';
import { createHttpClient } from '../http/client.js';
import type { Deadline } from '../http/deadline.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/read-body.js';
import type { RequestGuard } from '../policy/request-guard.js';
import { effectiveMaxResponseBytes } from '../policy/limits.js';
import { defaultToolPolicy } from '../policy/tool-policy.js';
import type { Call } from './call.js';
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
  // The operator-configured base URL is trusted as configured; the guard (ipaddr.js, undici)
  // is loaded only for a request that leaves it or when the policy lists hosts. With host rules,
  // every request, the base URL's included, also goes through the guard's dispatcher: the rules
  // are checked again on the address actually connected to (a name resolving to a blocked one).
  const trusted = originOf(baseUrl, profile.baseUrl.setting);
  const hostRules = policy.allowed_hosts !== null || policy.blocked_hosts.length > 0;
  // A destructive command's writes are never retried: the failed attempt may have happened.
  const current = definition.commands.find((command) => command.id === call.commandId);
  const action = current?.action;
  let guard: Promise<RequestGuard> | undefined;
  const loadGuard = () => (guard ??= import('../policy/request-guard.js').then(({ createRequestGuard }) => createRequestGuard(policy, { baseUrl })));
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
    retryable: action !== 'destructive',
    auth: { secrets: definition.secrets.map((secret) => secret.name), scopes: current?.scopes },
    beforeRequest: async (url, source) => {
      if (url.origin === trusted && !hostRules) return;
      (await loadGuard()).check(url, source);
    },
    dispatcherFor: async (url) => {
      if (url.origin === trusted && !hostRules) return undefined;
      const { ssrf } = await loadGuard();
      const { createSsrfDispatcher } = await import('../http/ssrf/dispatcher.js');
      return (await (call.ssrf ??= createSsrfDispatcher(ssrf))).dispatcher;
    },
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

function originOf(baseUrl: string, setting: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch (error) {
    throw new ConfigError(`${setting || 'The base URL'} is not a valid URL ("${baseUrl}")`, {
      cause: error,
      details: { setting },
      hint: `Set ${setting} to an absolute http(s) URL, e.g. https://api.example.com.`,
    });
  }
}
