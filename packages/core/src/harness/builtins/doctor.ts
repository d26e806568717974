import type { Doctor } from '@aos-connectors/contract';
import type { ResolvedSettings } from '../settings.js';
import type { ConnectorDefinition } from '../types.js';

/** `doctor` (CONTRACT §5): offline per-command readiness from the settings each command needs. */
export function runDoctor(definition: ConnectorDefinition, settings: ResolvedSettings): Doctor {
  const missingSecrets = settings.missingSecrets();
  const commands: Doctor['commands'] = {};
  const allMissing = new Set<string>();
  for (const command of definition.commands) {
    const unmet = (command.requires ?? []).filter((need) =>
      typeof need === 'string' ? settings.get(need) === undefined : need.every((name) => settings.get(name) === undefined),
    );
    // An unmet "one of" group is reported as "A or B".
    const missing = [...missingSecrets, ...unmet.map((need) => (typeof need === 'string' ? need : need.join(' or ')))];
    missing.forEach((name) => allMissing.add(name));
    commands[command.id] = { ready: missing.length === 0, missing };
  }
  const next_steps = [...allMissing].map((name) => {
    const decl = [...definition.secrets, ...definition.settings].find((d) => d.name === name);
    return `Set ${name}${decl ? `: ${decl.description}` : ''}`;
  });
  return { ready: allMissing.size === 0, commands, next_steps };
}
