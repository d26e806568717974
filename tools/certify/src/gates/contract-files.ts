import { deriveManifest, derivePermissions, manifestSchema, permissionsSchema } from '@aos-connectors/core';
import type { Checks } from '../checks.js';
import type { CertifyContext } from '../context.js';
import { firstDifference } from '../diff.js';

const SYNC_FIX = 'Regenerate the files from the definition: npx nx run <project>:sync-manifests (aos-connector sync), then commit them.';

function parse(text: string | undefined, file: string): { value?: unknown; problem?: string } {
  if (text === undefined) return { problem: `${file} not found in the package` };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `${file} is not valid JSON: ${(error as Error).message}` };
  }
}

/** CONTRACT §6: connector.json and permissions.json are valid and derived from the one definition. */
export async function contractFileChecks(ctx: CertifyContext, checks: Checks): Promise<void> {
  const manifest = parse(ctx.pkg.files.manifest, 'connector.json');
  const valid = manifest.value === undefined ? undefined : manifestSchema.safeParse(manifest.value);
  if (manifest.problem) checks.fail('connector.json is valid against the core schema', manifest.problem, SYNC_FIX);
  else if (!valid?.success) {
    const issues = valid!.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    checks.fail('connector.json is valid against the core schema', issues.join('; '), 'Fix connector.json to match @aos-connectors/core/connector.schema.json, best by regenerating it: ' + SYNC_FIX);
  } else if (valid.data.tool !== ctx.pkg.tool) {
    checks.fail('connector.json is valid against the core schema', `tool is "${valid.data.tool}" but the bin is "${ctx.pkg.tool}"`, 'Name the bin exactly like the tool (aos-<name>).');
  } else {
    checks.pass('connector.json is valid against the core schema', `${valid.data.commands.length} commands, manifest_schema_version ${valid.data.manifest_schema_version}`);
  }

  const { definition, problem } = await ctx.definition();
  const derivedCheck = 'connector.json is identical to what the definition derives';
  if (!definition) checks.fail(derivedCheck, problem!, 'Build the package (npx nx build <project>) so dist/connector.js default-exports its defineConnector(...) definition.');
  else if (manifest.problem) checks.fail(derivedCheck, manifest.problem, SYNC_FIX);
  else {
    const diff = firstDifference(manifest.value, JSON.parse(JSON.stringify(deriveManifest(definition))));
    if (diff) checks.fail(derivedCheck, `connector.json drifted from dist/connector.js: ${diff}`, SYNC_FIX);
    else checks.pass(derivedCheck, `matches deriveManifest(dist/connector.js) for ${definition.commands.length} commands`);
  }

  const permissionsCheck = 'permissions.json maps every command to its required mode';
  const permissions = parse(ctx.pkg.files.permissions, 'permissions.json');
  const parsed = permissions.value === undefined ? undefined : permissionsSchema.safeParse(permissions.value);
  if (permissions.problem || !parsed?.success) {
    checks.fail(permissionsCheck, permissions.problem ?? `permissions.json is not {"commands": {id: mode}}: ${parsed?.error?.issues[0]?.message}`, SYNC_FIX);
    return;
  }
  const problems: string[] = [];
  for (const command of ctx.facts.commands) {
    const mode = parsed.data.commands[command.id];
    if (mode !== command.required_mode) problems.push(`${command.id} is ${mode ?? 'missing'} in permissions.json but ${command.required_mode} in the manifest`);
  }
  if (definition) {
    const diff = firstDifference(parsed.data, derivePermissions(definition));
    if (diff) problems.push(`differs from the definition: ${diff}`);
  }
  checks.expectNone(permissionsCheck, problems, `${Object.keys(parsed.data.commands).length} entries, consistent with the manifest and the definition`, SYNC_FIX);
}
