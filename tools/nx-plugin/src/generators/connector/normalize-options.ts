import { names, normalizePath, type Tree } from '@nx/devkit';
import { authSchema } from '@aos-connectors/core';
import type { ConnectorGeneratorSchema } from './schema.js';
import { workspacePackages } from './workspace-packages.js';

export type AuthKind = (typeof authSchema.shape.kind.options)[number];

export interface NormalizedOptions {
  /** `acme` */
  name: string;
  /** `aos-acme`: npm package and bin */
  tool: string;
  /** `packages/connector-acme` */
  directory: string;
  label: string;
  category: string;
  authKind: AuthKind;
  /** Secret env vars (`ACME_API_KEY`); empty with `--auth-kind none`. */
  serviceKeys: string[];
  /** `ACME`: prefix of the connector's env vars. */
  envPrefix: string;
  /** `acme`: the definition's identifier in TypeScript. */
  identifier: string;
  skipInstall: boolean;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENV_VAR = /^[A-Z][A-Z0-9_]*$/;

/** Names that clash with the workspace's own packages and commands, or are not valid identifiers. */
const RESERVED = new Set([
  'aos', 'core', 'connector', 'connectors', 'certify', 'nx', 'nx-plugin', 'plugin', 'tools', 'test', 'testing',
  'fast', 'capabilities', 'health', 'config', 'doctor', 'help', 'version', 'node', 'npm',
  // JavaScript reserved words: the name becomes the definition's identifier.
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments', 'eval',
]);

/** A generator error the user can act on: what is wrong and what to type instead. */
export class ConnectorOptionsError extends Error {
  override name = 'ConnectorOptionsError';
}

function fail(message: string): never {
  throw new ConnectorOptionsError(message);
}

export function validateName(raw: string): string {
  const name = raw?.trim() ?? '';
  if (!name) fail('A connector name is required: nx g connector <name> (e.g. acme).');
  if (/\s/.test(name)) fail(`Connector name "${name}" contains spaces; join words with "-" (e.g. ${name.toLowerCase().split(/\s+/).join('-')}).`);
  if (/^aos-/i.test(name)) fail(`Connector name "${name}" already starts with "aos-"; pass "${name.slice(4)}" and the package and bin become "${name}".`);
  if (/[A-Z]/.test(name)) fail(`Connector name "${name}" has uppercase letters; npm package and bin names are lowercase (try "${name.toLowerCase()}").`);
  if (/^[0-9]/.test(name)) fail(`Connector name "${name}" starts with a digit; start it with a letter.`);
  if (!NAME.test(name)) fail(`Connector name "${name}" is invalid: use lowercase letters and digits, words joined by single "-" (e.g. acme, my-crm).`);
  if (RESERVED.has(name)) fail(`Connector name "${name}" is reserved (it clashes with a workspace package, a built-in command or a JavaScript keyword); pick another.`);
  return name;
}

function parseServiceKeys(raw: string | undefined, authKind: AuthKind, envPrefix: string, baseUrlSetting: string): string[] {
  const given = raw === undefined ? undefined : raw.split(',').map((key) => key.trim()).filter(Boolean);
  if (authKind === 'none') {
    if (given?.length) fail('--service-keys cannot be used with --auth-kind none (a connector without auth has no secrets).');
    return [];
  }
  const keys = given?.length ? given : [`${envPrefix}_API_KEY`];
  for (const key of keys) {
    if (!ENV_VAR.test(key)) fail(`Service key "${key}" must be an env var name: uppercase letters, digits and "_" (e.g. ${envPrefix}_API_KEY).`);
    if (key === baseUrlSetting) fail(`Service key "${key}" is the base-URL setting; secrets and settings must differ.`);
  }
  const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
  if (duplicate) fail(`Service key "${duplicate}" is listed twice.`);
  return keys;
}

export function normalizeOptions(tree: Tree, schema: ConnectorGeneratorSchema): NormalizedOptions {
  const name = validateName(schema.name);
  const tool = `aos-${name}`;
  const { constantName, propertyName } = names(name);
  const directory = normalizePath(schema.directory?.trim() || `packages/connector-${name}`).replace(/\/+$/, '');
  if (directory.startsWith('/') || directory.split('/').includes('..')) fail(`--directory "${directory}" must be a path inside the workspace.`);
  if (tree.exists(directory)) fail(`${directory} already exists; remove it or pick another name.`);
  const clash = workspacePackages(tree).find((pkg) => pkg.json.name === tool);
  if (clash) fail(`A package named "${tool}" already exists at ${clash.dir}.`);

  const authKinds = authSchema.shape.kind.options as readonly string[];
  const authKind = (schema.authKind ?? 'service-key') as AuthKind;
  if (!authKinds.includes(authKind)) fail(`--auth-kind "${schema.authKind}" is not one of ${authKinds.join(', ')}.`);
  const category = schema.category?.trim() || 'other';
  if (!NAME.test(category)) fail(`--category "${category}" must be lowercase words joined by "-" (e.g. crm, developer-tools).`);
  const label = schema.label?.trim() || name.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  if (/[\r\n`<>|]/.test(label) || label.length > 60) fail(`--label "${label}" must be one short line without \`, <, > or |.`);

  return {
    name,
    tool,
    directory,
    label,
    category,
    authKind,
    serviceKeys: parseServiceKeys(schema.serviceKeys, authKind, constantName, `${constantName}_API_URL`),
    envPrefix: constantName,
    identifier: propertyName,
    skipInstall: schema.skipInstall ?? false,
  };
}
