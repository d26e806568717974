import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capabilitiesSchema, manifestSchema, type ConnectorDefinition, type ManifestCommand } from '@aos-connectors/core';
import { CANARY, startRecordingServer, replies, type RecordedRequest, type RecordingServer, type Reply } from '@aos-connectors/testing';
import { loadDefinition } from './definition.js';
import { okData } from './envelope.js';
import type { ConnectorPackage } from './package.js';
import type { ConnectorRunner, Env, RunResult } from './runner.js';
import { candidateArgs, SERVER_URL, type JsonSchema } from './samples.js';

export { CANARY };

/** A command as certification sees it: from `capabilities` (the black box), else from connector.json. */
export type CommandInfo = ManifestCommand & { path: string[] };

export interface ConnectorFacts {
  commands: CommandInfo[];
  /** Where the commands came from, for evidence. */
  source: 'capabilities' | 'connector.json' | 'none';
  secretKeys: string[];
  configKeys: string[];
  authRequired: boolean;
  /** The `*_API_URL` / `*_BASE_URL` setting pointed at a local recording server. */
  baseUrlKey: string | undefined;
  /** Placeholder values for settings `config show` reports unset, plus the package's declared env. */
  settingsEnv: Env;
}

/** Where a call without a server sends its URL arguments: the discard port, nothing listens. */
const NO_SERVER = 'http://127.0.0.1:9';

/**
 * The policy of every call: URL arguments point at 127.0.0.1 test servers, which the SSRF guard
 * refuses unless the operator's policy allows private networks (CONTRACT §10).
 */
const POLICY = { version: 1, tools: { '*': { allow_private_network: true } } };

/** What every gate shares: the package, the runner, the facts learned once, and local servers. */
export class CertifyContext {
  readonly pkg: ConnectorPackage;
  readonly runner: ConnectorRunner;
  readonly facts: ConnectorFacts;
  private readonly policyFile: string;
  private definitionPromise: ReturnType<typeof loadDefinition> | undefined;
  private readonly argsCache = new Map<string, Promise<string[] | undefined>>();

  constructor(pkg: ConnectorPackage, runner: ConnectorRunner, facts: ConnectorFacts, scratch: string) {
    this.pkg = pkg;
    this.runner = runner;
    this.facts = facts;
    this.policyFile = join(scratch, 'policy.json');
    writeFileSync(this.policyFile, JSON.stringify(POLICY));
  }

  definition(): Promise<{ definition?: ConnectorDefinition; problem?: string }> {
    this.definitionPromise ??= loadDefinition(this.pkg.definitionEntry);
    return this.definitionPromise;
  }

  /** Every secret set to the canary value: no output may ever contain it. */
  canaryEnv(): Env {
    return Object.fromEntries(this.facts.secretKeys.map((key) => [key, CANARY]));
  }

  /** The environment of a "real" call: settings, the base URL at `url`, the policy, and canary secrets unless told otherwise. */
  callEnv(url: string | undefined, { secrets = true }: { secrets?: boolean } = {}): Env {
    const base = this.facts.baseUrlKey && url ? { [this.facts.baseUrlKey]: url } : {};
    return { ...this.facts.settingsEnv, ...(secrets ? this.canaryEnv() : {}), ...base, AOS_POLICY: this.policyFile };
  }

  /** Runs a call whose base URL and URL arguments (synthesized as SERVER_URL) point at `url`. */
  call(argv: string[], url: string | undefined, options: { secrets?: boolean; env?: Env } = {}): Promise<RunResult> {
    return this.runner.run(argv.map((arg) => arg.replaceAll(SERVER_URL, url ?? NO_SERVER)), { ...this.callEnv(url, options), ...options.env });
  }

  /** Whether a call with these arguments can be pointed at a test server at all. */
  pointable(args: string[]): boolean {
    return this.facts.baseUrlKey !== undefined || args.some((arg) => arg.includes(SERVER_URL));
  }

  /**
   * Argument words for a valid call: declared in package.json `aos.certify.samples`, else the first
   * synthesized candidate a `--dry-run` accepts (which sends nothing), else the first candidate.
   * Undefined when the input schema allows no candidate at all.
   */
  args(command: CommandInfo): Promise<string[] | undefined> {
    let found = this.argsCache.get(command.id);
    if (!found) {
      found = this.findArgs(command);
      this.argsCache.set(command.id, found);
    }
    return found;
  }

  private async findArgs(command: CommandInfo): Promise<string[] | undefined> {
    const declared = this.pkg.config.samples[command.id];
    if (declared) return declared;
    const candidates = candidateArgs(command.input_schema as JsonSchema | undefined);
    for (const candidate of candidates) {
      const accepted = await this.withServer(ok, async (server) => {
        const result = await this.call(['--json', '--dry-run', '--timeout-ms', '5000', '--mode', 'admin', ...command.path, ...candidate], server.url);
        return result.exitCode === 0 && okData(result) !== undefined;
      });
      if (accepted) return candidate;
    }
    return candidates[0];
  }

  /** Runs `work` against a fresh recording server on 127.0.0.1, closed afterwards. */
  async withServer<T>(respond: (request: RecordedRequest) => Reply, work: (server: RecordingServer) => Promise<T>): Promise<T> {
    const server = await startRecordingServer(respond);
    try {
      return await work(server);
    } finally {
      await server.close();
    }
  }
}

export const ok = (): Reply => replies.json(200, {});

/** A plausible value for an unset setting, by the usual shape of its name. */
export function placeholderSetting(name: string): string {
  if (/_(EMAIL|FROM|USER|USERNAME|LOGIN)$/.test(name)) return 'certify@example.com';
  if (/_HOST$/.test(name)) return '127.0.0.1';
  if (/_PORT$/.test(name)) return '9';
  if (/_(SECURE|TLS|SSL)$/.test(name)) return 'false';
  if (/_URL$/.test(name)) return NO_SERVER;
  return 'certify';
}

/** HOST/PORT setting pairs (`EMAIL_IMAP_HOST` + `EMAIL_IMAP_PORT`) of a connector that speaks a protocol other than HTTP. */
export function socketSettings(configKeys: string[]): { host: string; port: string }[] {
  return configKeys.filter((key) => key.endsWith('_HOST') && configKeys.includes(`${key.slice(0, -5)}_PORT`)).map((host) => ({ host, port: `${host.slice(0, -5)}_PORT` }));
}

function pickBaseUrlKey(configKeys: string[]): string | undefined {
  return configKeys.find((key) => /_API_URL$/.test(key)) ?? configKeys.find((key) => /_BASE_URL$/.test(key)) ?? configKeys.find((key) => /_URL$/.test(key));
}

/** Learns the commands, keys and settings once, from the running connector where possible. */
export async function learnFacts(pkg: ConnectorPackage, runner: ConnectorRunner): Promise<ConnectorFacts> {
  let manifest: ReturnType<typeof manifestSchema.safeParse>['data'];
  try {
    manifest = manifestSchema.safeParse(JSON.parse(pkg.files.manifest ?? 'null')).data;
  } catch {
    manifest = undefined;
  }
  const capabilities = capabilitiesSchema.safeParse(okData(await runner.run(['--json', 'capabilities']))).data;
  const auth = capabilities?.auth ?? manifest?.auth;
  const commands: CommandInfo[] = capabilities?.commands ?? (manifest?.commands ?? []).map((c) => ({ ...c, path: c.path ?? c.id.split('.') }));
  const configKeys = auth?.config_keys ?? [];
  const baseUrlKey = pickBaseUrlKey(configKeys);

  // Settings a call may need (a default account, owner...) get a placeholder when unset, so a
  // read can reach the server; a package overrides them in package.json aos.certify.env.
  const shown = okData(await runner.run(['--json', 'config', 'show'])) as { settings?: { name: string; value: unknown }[] } | undefined;
  const unset = (shown?.settings ?? []).filter((s) => s.value === null && s.name !== baseUrlKey).map((s) => s.name);
  const settingsEnv: Env = { ...Object.fromEntries(unset.map((name) => [name, placeholderSetting(name)])), ...pkg.config.env };

  return {
    commands,
    source: capabilities ? 'capabilities' : manifest ? 'connector.json' : 'none',
    secretKeys: auth?.service_keys ?? [],
    configKeys,
    authRequired: auth?.required ?? true,
    baseUrlKey,
    settingsEnv,
  };
}
