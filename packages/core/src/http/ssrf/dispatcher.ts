import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { buildConnector } from 'undici';
import { checkConnectHostRules } from '../../policy/enforce.js';
import { normalizeHost } from '../../policy/glob.js';
import { checkResolvedAddress } from './check-url.js';
import { isTrustedOrigin, type SsrfOptions } from './options.js';

/** Resolves every address of a name, like `dns.lookup(name, { all: true })`. */
export type ResolveAll = (hostname: string, options: { family?: number; hints?: number }) => Promise<LookupAddress[]>;

export interface SsrfDispatcherOptions extends SsrfOptions {
  /** The resolver (default `node:dns` lookup); tests inject one to stand in for DNS. */
  resolve?: ResolveAll;
  /** TCP/TLS connect timeout in ms (undici's default: 10 s). */
  connectTimeoutMs?: number;
}

export interface SsrfDispatcher {
  /** Pass as `dispatcher` in the init of the global `fetch` (Node's built-in undici). */
  readonly dispatcher: RequestInit['dispatcher'];
  /** Closes pooled connections; call once the invocation's requests are done. */
  close(): Promise<void>;
}

const systemResolve: ResolveAll = (hostname, options) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/** What one connection is for: its port (host rules may name one) and whether its origin is trusted. */
export interface ConnectionFacts {
  port?: number;
  /** The port as the connection named it, for refusal details. */
  givenPort?: number | string;
  /** A trusted (operator-configured) origin: only the policy's host rules apply, not the private-range refusal. */
  trusted?: boolean;
}

/**
 * A `net.connect` lookup that resolves the name and refuses it when ANY of its addresses is
 * refused (a resolver answering "public, private" would otherwise let a happy-eyeballs connect
 * pick the private one). The socket then connects to exactly the addresses checked here, so
 * there is no window for DNS rebinding between check and use.
 */
export function guardedLookup(options: SsrfDispatcherOptions, connection: ConnectionFacts = {}): LookupFunction {
  const resolve = options.resolve ?? systemResolve;
  return (hostname, lookupOptions, callback) => {
    resolve(hostname, { family: familyOf(lookupOptions.family), hints: lookupOptions.hints }).then(
      (addresses) => {
        try {
          if (addresses.length === 0) throw Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' });
          for (const entry of addresses) checkConnection(hostname, entry.address, options, connection);
        } catch (error) {
          return callback(error as NodeJS.ErrnoException, '', 0);
        }
        if (lookupOptions.all) return callback(null, addresses);
        const first = addresses[0]!;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** The connect-time checks on one address: the policy's host rules, then (untrusted only) the SSRF ranges. */
function checkConnection(hostname: string, address: string, options: SsrfOptions, connection: ConnectionFacts): void {
  if (options.hostRules) checkConnectHostRules(options.hostRules, { name: hostname, port: connection.port, address });
  if (!connection.trusted) checkResolvedAddress(hostname, address, options, connection.givenPort ?? connection.port);
}

/**
 * An undici dispatcher for `fetch` that checks the address each connection is actually made
 * to: literal IPs before connecting, names through guardedLookup. Connections to a trusted
 * (operator-configured) origin skip the private-range check, but not the policy's host rules
 * (`options.hostRules`). undici is imported on first use only, to keep it off the start-up path.
 */
export async function createSsrfDispatcher(options: SsrfDispatcherOptions = {}): Promise<SsrfDispatcher> {
  // A bundled connector gets CommonJS undici as a chunk with only a default export.
  const loaded = await import('undici');
  const { Agent, Dispatcher1Wrapper, buildConnector } = 'Agent' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default;
  const base = options.connectTimeoutMs === undefined ? {} : { timeout: options.connectTimeoutMs };
  const plain = buildConnector(base);
  // One guarded connector per (trusted, port): the lookup has to know the port for host rules.
  const guardedConnectors = new Map<string, buildConnector.connector>();
  const guardedFor = (connection: ConnectionFacts) => {
    const key = `${connection.trusted ? 't' : 'u'}:${connection.port}`;
    let connector = guardedConnectors.get(key);
    if (!connector) guardedConnectors.set(key, (connector = buildConnector({ ...base, lookup: guardedLookup(options, connection) })));
    return connector;
  };
  const connect: buildConnector.connector = (target, callback) => {
    const trusted = isTrustedOrigin(options, target);
    if (trusted && !options.hostRules) return plain(target, callback);
    const connection: ConnectionFacts = { trusted, port: Number(target.port) || (target.protocol === 'https:' ? 443 : 80), givenPort: target.port };
    const host = normalizeHost(target.hostname);
    if (isIP(host) !== 0) {
      try {
        checkConnection(host, host, options, connection);
      } catch (error) {
        return callback(error as Error, null);
      }
      return plain(target, callback);
    }
    return guardedFor(connection)(target, callback);
  };
  const agent = new Agent({ connect });
  // Node's built-in fetch speaks undici's previous dispatcher interface; the wrapper adapts.
  const dispatcher = new Dispatcher1Wrapper(agent);
  return {
    dispatcher: dispatcher as unknown as RequestInit['dispatcher'],
    close: () => agent.close(),
  };
}

function familyOf(family: number | string | undefined): number | undefined {
  if (family === 'IPv4' || family === 4) return 4;
  if (family === 'IPv6' || family === 6) return 6;
  return undefined;
}
