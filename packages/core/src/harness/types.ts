import type * as z from 'zod';
import type { ActionClass, Mode, RiskTier } from '@aos-connectors/contract';
import type { AuthManifest } from '@aos-connectors/contract';
import type { HttpClient, HttpProfile } from '../http/types.js';
import type { SideEffect } from '../audit/audit-log.js';
import type { AosError } from '@aos-connectors/contract';

/** A setting the connector reads from the environment the host injects. */
export interface SettingDefinition {
  name: string;
  description: string;
  /** Other env var names accepted for the same setting (e.g. GH_TOKEN for GITHUB_TOKEN). */
  aliases?: string[];
  default?: string;
  /** Needed for the connector to work at all (secrets default to required when auth is required). */
  required?: boolean;
}

export interface Settings {
  /** The value of a setting (or its default), undefined when unset. */
  get(name: string): string | undefined;
  /** The value, or AUTH_REQUIRED / CONFIG_ERROR naming what to set. */
  require(name: string): string;
  /** Which env var supplied the setting, or 'default' / null. */
  source(name: string): string | null;
}

export interface Page<T = unknown> {
  items: T[];
  next_cursor: string | null;
  /** Facts about the whole collection (e.g. `total_count`), merged into `data` of a non-streamed list. */
  meta?: Record<string, unknown>;
}

export interface PageRequest {
  cursor: string | null;
  /** How many items this page should hold at most. */
  size: number;
}

export interface CommandContext {
  http: HttpClient;
  settings: Settings;
  mode: Mode;
  dryRun: boolean;
  verbose: boolean;
  /** Only for list commands: which page to fetch. */
  page: PageRequest;
  /** Aborted when the caller's deadline passes. */
  signal: AbortSignal;
  /** Detail for --verbose only (stderr). */
  log(message: string): void;
  /** A line people must see whatever the verbosity (stderr, secrets scrubbed). */
  warn(message: string): void;
  /** Removes every secret value from text bound for files the harness does not write itself. */
  scrub(text: string): string;
  recordSideEffect(effect: SideEffect): void;
}

interface CommandBase<S extends z.ZodObject> {
  /** Dotted lowercase id, e.g. `issue.list` or `actions.list_runs`. */
  id: string;
  summary: string;
  description?: string;
  resource: string;
  action: ActionClass;
  /** Defaults to the mode the action class needs (CONTRACT §4). */
  mode?: Mode;
  risk: RiskTier;
  input: S;
  /**
   * The shape of what the command returns, documented fields only (a list command: one item):
   * shown in help and capabilities (`output_schema`), the MCP tool's `outputSchema`, and what
   * `--fields` may select. Extra vendor fields still pass through unless `--fields` is given.
   */
  output?: z.ZodObject;
  /** Input keys taken from positional words, in order. */
  positionals?: (keyof z.infer<S> & string)[];
  /**
   * Settings this command needs beyond the connector's required secrets (for `doctor`); an
   * inner list means "any one of these" (e.g. one of two search backends).
   */
  requires?: (string | string[])[];
  /** Command lines shown under "Examples" in help (without the program name or with it). */
  examples?: string[];
  /** The vendor's documentation of the operation (a URL), shown in help. */
  docs?: string;
  /**
   * The OAuth scopes or token permissions the command needs (e.g. `repo`, `chat:write`): shown
   * in help and named in the hint of an AUTH_FAILED (401/403) answer.
   */
  scopes?: string[];
  /**
   * A long-running command (a gateway) that stops itself when ctx.signal aborts: reaching the
   * caller's deadline ends it cleanly instead of failing it with TIMEOUT.
   */
  daemon?: boolean;
}

export interface SingleCommandDefinition<S extends z.ZodObject = z.ZodObject> extends CommandBase<S> {
  list?: undefined;
  run(input: z.infer<S>, ctx: CommandContext): Promise<unknown>;
}

export interface ListCommandDefinition<S extends z.ZodObject = z.ZodObject> extends CommandBase<S> {
  list: {
    /** The plural key of the resource in `data` (e.g. `issues`). */
    key: string;
    /** Largest page the vendor serves. */
    maxPageSize: number;
    /** Items returned when the caller gives no --limit. */
    defaultLimit?: number;
    /** Columns of the human table. */
    columns?: string[];
  };
  run(input: z.infer<S>, ctx: CommandContext): Promise<Page>;
}

export type CommandDefinition<S extends z.ZodObject = z.ZodObject> =
  | SingleCommandDefinition<S>
  | ListCommandDefinition<S>;

export interface HealthProbeResult {
  /** Detail for the `api` check, e.g. "authenticated as octocat". */
  detail: string;
}

export interface ConnectorDefinition {
  /** `aos-<name>`. */
  tool: string;
  /** The package root (`new URL('..', import.meta.url)`), where package.json and connector.json live. */
  root: URL;
  backend: string;
  label: string;
  category: string;
  categories?: string[];
  description?: string;
  auth: {
    kind: AuthManifest['kind'];
    required: boolean;
    interactive_setup: string[];
  };
  secrets: SettingDefinition[];
  settings: SettingDefinition[];
  http?: HttpProfile;
  /** One cheap authenticated call proving the credentials and the API work. */
  health?: (ctx: CommandContext) => Promise<HealthProbeResult>;
  commands: CommandDefinition<any>[];
  /**
   * Vendor-specific error mapping, applied to every error a command or the health probe
   * raises (e.g. a 403 whose body says "rate limit"); return undefined to keep the core's.
   */
  mapError?: (error: AosError) => AosError | undefined;
}

/** Identity helper giving type inference on each command's input. */
export function command<S extends z.ZodObject>(definition: CommandDefinition<S>): CommandDefinition<S> {
  return definition;
}
