import { posix, win32 } from 'node:path';
import type { Env } from './types.js';

/**
 * The global `node_modules` without spawning `npm prefix -g` (~150 ms per call). npm exports
 * its prefix to scripts and honours `npm_config_prefix` from the environment; otherwise the
 * prefix is where this node binary lives (`<prefix>/bin/node`; on Windows `<prefix>\node.exe`).
 * A prefix set only in an `.npmrc` is missed: pass `globalModulesDir` for that.
 */
export function globalNodeModules(env: Env, execPath: string = process.execPath, platform: NodeJS.Platform = process.platform): string {
  const windows = platform === 'win32';
  const { dirname, join } = windows ? win32 : posix;
  const prefix =
    env.npm_config_global_prefix || env.npm_config_prefix || (windows ? dirname(execPath) : dirname(dirname(execPath)));
  return windows ? join(prefix, 'node_modules') : join(prefix, 'lib', 'node_modules');
}
