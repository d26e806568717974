import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The executable for `connector`: a path (it contains a `/`, relative to the config file), or a
 * command name looked up in `node_modules/.bin` next to the config file and in the working
 * directory, then on PATH. Undefined when nothing executable is found.
 */
export function resolveBin(connector: string, configFile: string, env: Record<string, string | undefined>, cwd = process.cwd()): string | undefined {
  if (connector.includes('/')) {
    const file = isAbsolute(connector) ? connector : resolve(dirname(configFile), connector);
    return executable(file) ? file : undefined;
  }
  const dirs = [join(dirname(configFile), 'node_modules', '.bin'), join(cwd, 'node_modules', '.bin'), ...(env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const file = join(dir, connector);
    if (executable(file)) return file;
  }
  return undefined;
}
