import type { Manifest } from '@aos-connectors/contract';

export type Env = Record<string, string | undefined>;

/**
 * Where a connector was found, in precedence order (CONTRACT §8): `ARGENT_CONNECTOR_REPOS`,
 * `~/.argentos/connectors`, this repository's `packages/`, `aos-*` executables on PATH, and
 * the global npm `node_modules`.
 */
export const CONNECTOR_SOURCES = ['connector-repos', 'user', 'repository', 'path', 'npm-global'] as const;
export type ConnectorSource = (typeof CONNECTOR_SOURCES)[number];

/**
 * Exactly the contract's four states (CONTRACT §8). Discovery alone never spawns a process, so
 * it yields `needs-setup` for a runnable binary not probed yet (see UNPROBED_STATE in
 * install-state.ts), `repo-only`, or `error` (an unreadable or invalid connector.json);
 * `probeHealth` turns an unprobed entry into `ready`, `needs-setup` or `error`.
 */
export const INSTALL_STATES = ['ready', 'needs-setup', 'repo-only', 'error'] as const;
export type InstallState = (typeof INSTALL_STATES)[number];

/** What a health probe learned, kept on the entry so callers can show checks and next steps. */
export interface ProbedHealth {
  /** The connector's own word, normalized to the contract spelling (`needs_setup`, not `needs-setup`). */
  status: string;
  ready: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  next_steps: string[];
}

export interface ConnectorEntry {
  /** The bin name, e.g. `aos-github`. */
  tool: string;
  source: ConnectorSource;
  /** The connector package directory; null for a PATH executable with no package around it. */
  dir: string | null;
  /** package.json `version`, when there is a package. */
  version: string | null;
  /** connector.json, validated with `manifestSchema`; null when absent, invalid, or not yet loaded. */
  manifest: Manifest | null;
  manifestPath: string | null;
  /** A runnable binary: package.json `bin`, `<dir>/bin/aos-*.js`, or the PATH executable. */
  binPath: string | null;
  /** The binary's mtime, part of the health cache key so a rebuilt binary is probed afresh. */
  binMtimeMs: number | null;
  /** Set when `binPath` was borrowed from a later source (a repo checkout whose bin is on PATH). */
  binSource?: ConnectorSource;
  installState: InstallState;
  /** Why the state is not `ready`: the validation error, the failed checks, "timed out after N ms". */
  reason?: string;
  /** Present once probed. */
  health?: ProbedHealth;
  /** ISO time of the probe that produced `health`/`installState` (from the cache or fresh). */
  probedAt?: string;
  fromCache?: boolean;
}

/** A lower-precedence connector hidden by an earlier source's connector of the same tool. */
export interface ShadowedConnector {
  tool: string;
  source: ConnectorSource;
  dir: string | null;
  binPath: string | null;
  shadowedBy: ConnectorSource;
}

/** A directory discovery looked in, so a caller can explain where it searched. */
export interface SearchedRoot {
  source: ConnectorSource;
  dir: string;
  exists: boolean;
}

export interface Catalog {
  /** One entry per tool, sorted by tool name. */
  connectors: ConnectorEntry[];
  shadowed: ShadowedConnector[];
  searched: SearchedRoot[];
}
