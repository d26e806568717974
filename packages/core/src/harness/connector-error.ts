import type { AosError } from '@aos-connectors/contract';
import { toAosError } from '@aos-connectors/contract';
import type { ConnectorDefinition } from './types.js';

/** Any thrown value as a contract error, after the connector's own mapping (`mapError`). */
export function connectorError(definition: ConnectorDefinition, thrown: unknown): AosError {
  const error = toAosError(thrown);
  return definition.mapError?.(error) ?? error;
}
