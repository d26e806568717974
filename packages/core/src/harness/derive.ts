import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestCommand, type Permissions } from '@aos-connectors/contract';
import { BUILTIN_COMMANDS, MODE_FOR_ACTION, type Mode } from '@aos-connectors/contract';
import { inputJsonSchema } from './command-input.js';
import { outputJsonSchema } from './output-fields.js';
import type { CommandDefinition, ConnectorDefinition } from './types.js';


export const requiredMode = (command: CommandDefinition): Mode => command.mode ?? MODE_FOR_ACTION[command.action];

type DerivedCommand = Required<Omit<ManifestCommand, 'output_schema' | 'list_key'>> & Pick<ManifestCommand, 'output_schema' | 'list_key'>;

export function manifestCommand(command: CommandDefinition): DerivedCommand {
  const output = outputJsonSchema(command);
  return {
    id: command.id,
    path: command.id.split('.'),
    summary: command.summary,
    required_mode: requiredMode(command),
    supports_json: true,
    resource: command.resource,
    action_class: command.action,
    risk_tier: command.risk,
    dry_run: command.action !== 'read',
    input_schema: inputJsonSchema(command),
    // Present only when declared, so a connector without output schemas derives what it did before.
    ...(command.list ? { list_key: command.list.key } : {}),
    ...(output ? { output_schema: output } : {}),
  };
}

/** connector.json, derived from the definition: the one source of truth (CONTRACT §6). */
export function deriveManifest(definition: ConnectorDefinition): Manifest {
  const resources = [...new Set(definition.commands.map((c) => c.resource))];
  return {
    $schema: './node_modules/@aos-connectors/core/schema/connector.schema.json',
    tool: definition.tool,
    backend: definition.backend,
    manifest_schema_version: MANIFEST_SCHEMA_VERSION,
    connector: {
      label: definition.label,
      category: definition.category,
      categories: definition.categories ?? [definition.category],
      resources,
    },
    auth: {
      kind: definition.auth.kind,
      required: definition.auth.required,
      service_keys: definition.secrets.map((s) => s.name),
      config_keys: definition.settings.map((s) => s.name),
      interactive_setup: definition.auth.interactive_setup,
    },
    commands: definition.commands.map(manifestCommand),
  };
}

export function derivePermissions(definition: ConnectorDefinition): Permissions {
  const commands: Record<string, Mode> = {};
  for (const id of BUILTIN_COMMANDS) commands[id] = 'readonly';
  for (const command of definition.commands) commands[command.id] = requiredMode(command);
  return { commands };
}

export { capabilitiesFromManifest } from './capabilities-data.js';
