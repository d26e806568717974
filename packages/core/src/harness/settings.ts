import { AuthRequiredError, ConfigError } from '@aos-connectors/contract';
import type { ConnectorDefinition, SettingDefinition, Settings } from './types.js';

type Env = Record<string, string | undefined>;

export interface ResolvedSettings extends Settings {
  /** Every secret value present, for the scrubber. */
  secretValues(): string[];
  /** Names of required secrets that are unset. */
  missingSecrets(): string[];
  isSecret(name: string): boolean;
}

/** Reads the connector's secrets and settings from the environment the host injected. */
export function resolveSettings(definition: ConnectorDefinition, env: Env): ResolvedSettings {
  const declared = new Map<string, { decl: SettingDefinition; secret: boolean }>();
  for (const decl of definition.secrets) declared.set(decl.name, { decl, secret: true });
  for (const decl of definition.settings) declared.set(decl.name, { decl, secret: false });

  const lookup = (name: string): { value: string | undefined; source: string | null } => {
    const entry = declared.get(name);
    for (const key of [name, ...(entry?.decl.aliases ?? [])]) {
      const value = env[key];
      if (value !== undefined && value.trim() !== '') return { value: value.trim(), source: key };
    }
    if (entry?.decl.default !== undefined) return { value: entry.decl.default, source: 'default' };
    return { value: undefined, source: null };
  };

  const requiredSecret = (decl: SettingDefinition) => decl.required ?? definition.auth.required;

  return {
    get: (name) => lookup(name).value,
    source: (name) => lookup(name).source,
    require(name) {
      const { value } = lookup(name);
      if (value !== undefined) return value;
      const entry = declared.get(name);
      const accepted = [name, ...(entry?.decl.aliases ?? [])].join(' or ');
      if (entry?.secret) {
        throw new AuthRequiredError(`${accepted} is not set`, { details: { missing: [name] }, hint: `Set ${accepted} in the environment.` });
      }
      throw new ConfigError(`${accepted} is not set`, { details: { missing: [name] }, hint: `Set ${accepted} in the environment.` });
    },
    // Both the raw and the trimmed value: the trimmed one is what requests carry.
    secretValues: () =>
      definition.secrets.flatMap((decl) => [decl.name, ...(decl.aliases ?? [])].flatMap((key) => [env[key] ?? '', (env[key] ?? '').trim()])),
    missingSecrets: () => definition.secrets.filter((decl) => requiredSecret(decl) && !lookup(decl.name).value).map((decl) => decl.name),
    isSecret: (name) => declared.get(name)?.secret === true,
  };
}
