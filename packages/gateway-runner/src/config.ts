import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import { ConfigError } from '@aos-connectors/contract';
import { instanceNameSchema } from '@aos-connectors/messaging';
import { expandDeep } from './expand.js';

const GATEWAY_MODES = ['write', 'full', 'admin'] as const;

const instanceSchema = z.strictObject({
  name: instanceNameSchema,
  connector: z.string().min(1, 'name an aos-* connector (e.g. aos-telegram) or a path to its bin'),
  home: z.string().min(1).optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'not an environment variable name'), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
  mode: z.enum(GATEWAY_MODES, 'a gateway needs mode write, full or admin').default('write'),
  enabled: z.boolean().default(true),
});

const restartSchema = z.strictObject({
  /** First restart delay; doubles per consecutive crash. */
  base_ms: z.number().int().positive().default(1000),
  /** No restart waits longer. */
  max_ms: z.number().int().positive().default(60_000),
  /** A run this long resets the backoff: the crash before it is history. */
  reset_after_ms: z.number().int().positive().default(60_000),
  /** Consecutive quick crashes before the instance counts as failed for good; 0: never. */
  max_restarts: z.number().int().nonnegative().default(0),
  /** How long a stop waits for an instance to exit before SIGKILL. */
  stop_timeout_ms: z.number().int().positive().default(15_000),
});

const fileSchema = z
  .strictObject({
    /** Default home for instances that set none. */
    home: z.string().min(1).optional(),
    restart: restartSchema.default(restartSchema.parse({})),
    instances: z.array(instanceSchema).optional(),
    /** The seed's connectors.yml calls the list `connectors`. */
    connectors: z.array(instanceSchema).optional(),
  })
  .refine((file) => !(file.instances && file.connectors), { message: 'use either instances or connectors, not both' })
  .refine((file) => (file.instances ?? file.connectors ?? []).length > 0, { message: 'list at least one instance under instances:' });

export type RestartPolicy = z.output<typeof restartSchema>;

export interface InstanceConfig {
  name: string;
  connector: string;
  /** Absolute. */
  home: string;
  env: Record<string, string>;
  mode: (typeof GATEWAY_MODES)[number];
}

export interface RunnerConfig {
  file: string;
  instances: InstanceConfig[];
  /** Named in the file but `enabled: false`. */
  disabled: string[];
  restart: RestartPolicy;
}

/** `~` and relative paths, resolved against the config file's directory. */
function absolutePath(path: string, base: string): string {
  if (path === '~' || path.startsWith('~/')) return resolve(homedir(), path.slice(2));
  return isAbsolute(path) ? path : resolve(base, path);
}

const issuePath = (path: PropertyKey[]) =>
  path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('') || '(top level)';

/**
 * Reads connectors.yml: YAML, `${VAR}` expansion from `env`, then the schema. Every problem is
 * a CONFIG_ERROR (exit 4) that names the file and the exact place (and the variable, if unset).
 */
export async function loadConfig(file: string, env: Record<string, string | undefined>): Promise<RunnerConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { details: { file: path } });
  }
  const { parse } = await import('yaml');
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { details: { file: path } });
  }
  const expanded = expandDeep(raw, env);
  if (expanded.missing.length) {
    const list = expanded.missing.map((m) => `\${${m.name}} (at ${m.path})`).join(', ');
    throw new ConfigError(`${path}: environment variable${expanded.missing.length > 1 ? 's' : ''} not set: ${list}`, {
      details: { file: path, missing: [...new Set(expanded.missing.map((m) => m.name))] },
      hint: 'Set them, or give a default with ${NAME:-default}.',
    });
  }
  const parsed = fileSchema.safeParse(expanded.value ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
    throw new ConfigError(`${path} is not a valid gateway configuration: ${problems.join('; ')}`, { details: { file: path, problems } });
  }
  const base = dirname(path);
  const listed = parsed.data.instances ?? parsed.data.connectors ?? [];
  const seen = new Set<string>();
  const instances: InstanceConfig[] = [];
  for (const [index, item] of listed.entries()) {
    if (seen.has(item.name)) throw new ConfigError(`${path}: instance name "${item.name}" is used twice (instances[${index}])`, { details: { file: path } });
    seen.add(item.name);
    const home = item.home ?? parsed.data.home;
    if (!home) throw new ConfigError(`${path}: instances[${index}] (${item.name}) has no home, and no top-level home is set`, { details: { file: path } });
    if (!item.enabled) continue;
    instances.push({ name: item.name, connector: item.connector, home: absolutePath(home, base), env: item.env, mode: item.mode });
  }
  return { file: path, instances, disabled: listed.filter((i) => !i.enabled).map((i) => i.name), restart: parsed.data.restart };
}
