import type * as z from 'zod';
import { ERROR_EXIT_CODES } from '@aos-connectors/contract';
import { commandInputSchema } from '@aos-connectors/core';
import { requiredMode } from '@aos-connectors/core';
import { flagName } from '@aos-connectors/core';
import type { ConnectorDefinition } from '@aos-connectors/core';
import { connectorHelp, fieldDescription } from '@aos-connectors/core';

/** README sections generated from the definition, between `<!-- aos:NAME -->` markers. */
export function readmeSections(definition: ConnectorDefinition): Record<string, string> {
  return {
    help: helpSection(definition),
    setup: setupSection(definition),
    commands: commandsSection(definition),
    permissions: permissionsSection(definition),
    'exit-codes': exitCodesSection(),
  };
}

/** The connector's real `--help` output, generated from the same definition as the CLI's. */
function helpSection(definition: ConnectorDefinition): string {
  return ['```text', `$ ${definition.tool} --help`, connectorHelp(definition).trimEnd(), '```'].join('\n');
}

function setupSection(definition: ConnectorDefinition): string {
  const rows = [
    ...definition.secrets.map((s) => `| \`${s.name}\` | secret${s.aliases?.length ? ` (also ${s.aliases.map((a) => `\`${a}\``).join(', ')})` : ''} | ${s.description} |`),
    ...definition.settings.map((s) => `| \`${s.name}\` | setting${s.default ? ` (default \`${s.default}\`)` : ''} | ${s.description} |`),
  ];
  return [
    ...definition.auth.interactive_setup.map((step, i) => `${i + 1}. ${step}`),
    '',
    '| variable | kind | purpose |',
    '|---|---|---|',
    ...rows,
    '',
    `Check with \`${definition.tool} config show\` (offline) and \`${definition.tool} health\`.`,
  ].join('\n');
}

function commandsSection(definition: ConnectorDefinition): string {
  const out: string[] = [];
  for (const command of definition.commands) {
    const shape = commandInputSchema(command).shape as Record<string, z.ZodType>;
    const positionals = command.positionals ?? [];
    out.push(`### \`${command.id.split('.').join(' ')}\``, '', command.description ?? command.summary, '');
    out.push(`Mode \`${requiredMode(command)}\` · action \`${command.action}\` · risk tier ${command.risk}${command.action !== 'read' ? ' · supports `--dry-run`' : ''}`, '');
    const flags = Object.entries(shape).map(([key, schema]) => {
      const required = !schema.safeParse(undefined).success;
      const positional = positionals.includes(key as never) ? ' (or positional)' : '';
      return `| \`--${flagName(key)}\`${positional} | ${required ? 'yes' : 'no'} | ${fieldDescription(schema) ?? ''} |`;
    });
    if (flags.length) out.push('| flag | required | description |', '|---|---|---|', ...flags, '');
    const example = command.examples?.[0] ?? `${definition.tool} --json ${command.id.split('.').join(' ')}`;
    out.push('```sh', example, '```', '');
  }
  return out.join('\n').trimEnd();
}

function permissionsSection(definition: ConnectorDefinition): string {
  return [
    '| command | required mode | action | risk |',
    '|---|---|---|---|',
    ...['capabilities', 'health', 'config show', 'doctor'].map((id) => `| \`${id}\` | readonly | read | 1 |`),
    ...definition.commands.map((c) => `| \`${c.id}\` | ${requiredMode(c)} | ${c.action} | ${c.risk} |`),
  ].join('\n');
}

function exitCodesSection(): string {
  const byExit = new Map<number, string[]>();
  for (const [code, exit] of Object.entries(ERROR_EXIT_CODES)) byExit.set(exit, [...(byExit.get(exit) ?? []), code]);
  return ['| exit | error codes |', '|---|---|', '| 0 | success |', ...[...byExit].map(([exit, codes]) => `| ${exit} | ${codes.map((c) => `\`${c}\``).join(', ')} |`)].join('\n');
}

/** Replaces each marked section of a README with its generated text; unknown markers are left alone. */
export function applyReadmeSections(readme: string, sections: Record<string, string>): string {
  return readme.replace(/<!-- aos:([a-z-]+) -->[\s\S]*?<!-- \/aos:\1 -->/g, (whole, name: string) =>
    sections[name] === undefined ? whole : `<!-- aos:${name} -->\n${sections[name]}\n<!-- /aos:${name} -->`,
  );
}
