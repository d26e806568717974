import type { AddressClass } from './classify.js';

/** Names of cloud metadata services, refused before any DNS lookup. */
const METADATA_NAMES = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
]);

/**
 * The class a host name has by name alone: `localhost` and `*.localhost` are loopback by
 * definition (RFC 6761), metadata service names are metadata. Null for any other name.
 */
export function classifyHostName(host: string): AddressClass | null {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (METADATA_NAMES.has(name)) return 'metadata';
  return null;
}
