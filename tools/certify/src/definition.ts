import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ConnectorDefinition } from '@aos-connectors/core';

/** The package's built definition (dist/connector.js default export), or why it cannot be loaded. */
export async function loadDefinition(entry: string): Promise<{ definition?: ConnectorDefinition; problem?: string }> {
  if (!existsSync(entry)) return { problem: `${entry} not found: build the package first` };
  try {
    const module = (await import(pathToFileURL(entry).href)) as { default?: ConnectorDefinition };
    const definition = module.default;
    if (!definition || typeof definition.tool !== 'string' || !Array.isArray(definition.commands)) {
      return { problem: `${entry} has no default export of a connector definition (defineConnector(...))` };
    }
    return { definition };
  } catch (error) {
    return { problem: `importing ${entry} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
