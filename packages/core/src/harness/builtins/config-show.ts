import type { ResolvedSettings } from '../settings.js';
import type { ConnectorDefinition } from '../types.js';
import type { Mode } from '@aos-connectors/contract';
import { auditDirectory } from '../../audit/audit-log.js';
import { redactUrlsIn } from '../../secrets/scrubber.js';

type Env = Record<string, string | undefined>;

/**
 * `config show` (CONTRACT §5): offline; secrets only as present/absent and the env var they came from.
 * Settings are shown as set, except credentials inside URLs (`https://user:pw@host/`, `?token=`).
 */
export function configShow(definition: ConnectorDefinition, settings: ResolvedSettings, env: Env, mode: Mode) {
  return {
    tool: definition.tool,
    mode,
    secrets: definition.secrets.map((decl) => ({
      name: decl.name,
      present: settings.get(decl.name) !== undefined,
      source: settings.source(decl.name),
      accepted: [decl.name, ...(decl.aliases ?? [])],
      description: decl.description,
    })),
    settings: definition.settings.map((decl) => ({
      name: decl.name,
      value: shownValue(settings.get(decl.name)),
      source: settings.source(decl.name),
      description: decl.description,
    })),
    audit_dir: auditDirectory(env),
    policy_file: env.AOS_POLICY ? redactUrlsIn(env.AOS_POLICY) : null,
  };
}

function shownValue(value: string | undefined): string | null {
  return value === undefined ? null : redactUrlsIn(value);
}
