import { GLOBAL_FLAG_NAMES } from '@aos-connectors/contract';
import { BUILTIN_COMMANDS, MODE_FOR_ACTION, modeAllows } from '@aos-connectors/contract';
import { flagName } from './parse-args.js';
import type { ConnectorDefinition } from './types.js';

const ID = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
/** Verbs CONTRACT §4 puts at admin whatever the declaration says. */
const DESTRUCTIVE_VERB = /^(delete|destroy|remove|purge|cancel|merge|revoke|refund|execute|exec|run_sql|drop)(_|$)/;

/**
 * Checks a connector definition once, when it is declared, so a contract violation is a
 * loud programming error rather than a quiet drift: bad ids, duplicates, options shadowing
 * global flags, destructive commands below admin, write commands at readonly.
 */
export function defineConnector<T extends ConnectorDefinition>(declared: T): T {
  const definition = declared;
  const problems: string[] = [];
  if (!/^aos-[a-z0-9][a-z0-9-]*$/.test(definition.tool)) problems.push(`tool "${definition.tool}" must look like aos-<name>`);
  const seen = new Set<string>();
  const groups = new Set<string>();
  for (const command of definition.commands) {
    const where = `command ${command.id}`;
    if (!ID.test(command.id)) problems.push(`${where}: id must be dotted lowercase segments`);
    if (seen.has(command.id)) problems.push(`${where}: declared twice`);
    if ((BUILTIN_COMMANDS as readonly string[]).includes(command.id) || /^(config|mcp)(\.|$)/.test(command.id)) {
      problems.push(`${where}: clashes with a built-in command`);
    }
    seen.add(command.id);
    const segments = command.id.split('.');
    for (let i = 1; i < segments.length; i++) groups.add(segments.slice(0, i).join('.'));
    const mode = command.mode ?? MODE_FOR_ACTION[command.action];
    if (!modeAllows(mode, MODE_FOR_ACTION[command.action])) {
      problems.push(`${where}: a ${command.action} command needs at least mode ${MODE_FOR_ACTION[command.action]} (declared ${mode})`);
    }
    if (command.action === 'destructive' && command.risk < 4) problems.push(`${where}: destructive commands are risk tier 4`);
    const verb = command.id.split('.').at(-1)!;
    if (DESTRUCTIVE_VERB.test(verb) && !modeAllows(mode, 'admin')) {
      problems.push(`${where}: "${verb}" is destructive or irreversible and needs mode admin (CONTRACT §4)`);
    }
    for (const key of Object.keys(command.input.shape)) {
      if ((GLOBAL_FLAG_NAMES as readonly string[]).includes(flagName(key))) problems.push(`${where}: option --${flagName(key)} shadows a global flag`);
      if (command.list && ['limit', 'cursor', 'all'].includes(key)) problems.push(`${where}: --${key} is provided by the harness for list commands`);
    }
    for (const key of command.positionals ?? []) {
      if (!(key in command.input.shape)) problems.push(`${where}: positional "${key}" is not an input field`);
    }
  }
  for (const id of seen) if (groups.has(id)) problems.push(`command ${id}: is both a command and a group`);
  if (problems.length > 0) throw new Error(`Invalid connector definition for ${definition.tool}:\n  - ${problems.join('\n  - ')}`);
  return definition as T;
}
