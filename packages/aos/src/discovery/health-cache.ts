import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Manifest } from '@aos-connectors/contract';
import { INSTALL_STATES, type ConnectorEntry, type Env, type InstallState, type ProbedHealth } from './types.js';

/** What one probe concluded; enough to rebuild the entry without spawning. */
export interface CachedProbe {
  /** Epoch ms of the probe. */
  at: number;
  installState: InstallState;
  reason?: string;
  health?: ProbedHealth;
  /** Capabilities loaded for a PATH executable without connector.json. */
  manifest?: Manifest;
}

export interface HealthCacheOptions {
  /** How long a probe result stays fresh. Default 60 s. */
  ttlMs?: number;
  /** A JSON file shared by processes (repeated CLI calls); null keeps the cache in memory only. */
  file?: string | null;
  now?: () => number;
}

export const DEFAULT_HEALTH_TTL_MS = 60_000;

interface CacheFile {
  version: 1;
  entries: Record<string, CachedProbe>;
}

/**
 * The cache key: tool, binary path and mtime (a rebuilt or reinstalled binary is probed
 * afresh), and a fingerprint of the settings the manifest declares, so setting a token is
 * seen at once rather than after the TTL. Values are hashed, never stored.
 */
export function healthCacheKey(entry: ConnectorEntry, env: Env): string {
  const names = entry.manifest ? [...entry.manifest.auth.service_keys, ...entry.manifest.auth.config_keys].sort() : [];
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name}\0${env[name] ?? '\u0001unset'}\0`);
  return `${entry.tool}|${entry.binPath}|${entry.binMtimeMs}|${hash.digest('hex').slice(0, 16)}`;
}

/** Probe results in memory, optionally persisted to one small JSON file (written atomically). */
export class HealthCache {
  readonly ttlMs: number;
  readonly file: string | null;
  /** The clock probes are stamped with, so tests can move time. */
  readonly now: () => number;
  readonly #entries = new Map<string, CachedProbe>();
  #loaded: Promise<void> | undefined;
  #dirty = false;

  constructor(options: HealthCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_HEALTH_TTL_MS;
    this.file = options.file ?? null;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<CachedProbe | undefined> {
    await this.#load();
    const hit = this.#entries.get(key);
    return hit && this.#fresh(hit) ? hit : undefined;
  }

  set(key: string, value: CachedProbe): void {
    this.#entries.set(key, value);
    this.#dirty = true;
  }

  clear(): void {
    this.#entries.clear();
    this.#dirty = this.file !== null;
  }

  /** Writes new results to the file, merged with what other processes wrote meanwhile. Never throws. */
  async flush(): Promise<void> {
    if (!this.file || !this.#dirty) return;
    this.#dirty = false;
    const entries: Record<string, CachedProbe> = {};
    for (const [key, value] of [...Object.entries(await this.#readFile()), ...this.#entries]) {
      const kept = entries[key];
      if (this.#fresh(value) && (!kept || kept.at <= value.at)) entries[key] = value;
    }
    const body: CacheFile = { version: 1, entries };
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFile(temporary, JSON.stringify(body), { mode: 0o600 });
      await rename(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs a probe next time.
    }
  }

  #fresh(value: CachedProbe): boolean {
    const age = this.now() - value.at;
    return age >= 0 && age < this.ttlMs;
  }

  #load(): Promise<void> {
    this.#loaded ??= this.#readFile().then((entries) => {
      for (const [key, value] of Object.entries(entries)) if (!this.#entries.has(key)) this.#entries.set(key, value);
    });
    return this.#loaded;
  }

  async #readFile(): Promise<Record<string, CachedProbe>> {
    if (!this.file) return {};
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version !== 1 || !parsed.entries || typeof parsed.entries !== 'object') return {};
      // Another version of this code may have written it: keep only entries that look right.
      return Object.fromEntries(
        Object.entries(parsed.entries).filter(
          ([, value]) => typeof value?.at === 'number' && (INSTALL_STATES as readonly unknown[]).includes(value.installState),
        ),
      );
    } catch {
      return {};
    }
  }
}
