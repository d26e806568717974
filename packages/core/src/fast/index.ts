/**
 * The bin entry. `--version` and `--json capabilities` are answered from the committed
 * connector.json and package.json without loading commander, zod, ky or the connector's code:
 * every agent host calls them, so they must start as fast as Node itself. Anything else loads
 * the full harness. connector.json is derived from the definition and checked for drift, so
 * both paths print the same envelope (a test proves it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeAuditRecord } from '../audit/audit-log.js';
import { newEvidenceId, parseGlobalFlags, successEnvelope, type Invocation, type Manifest } from '@aos-connectors/contract';
import { capabilitiesFromManifest } from '../harness/capabilities-data.js';
import { Scrubber } from '../secrets/scrubber.js';

export interface BinOptions {
  /** The connector package's root (`new URL('..', import.meta.url)` from its bundled entry). */
  root: URL;
}

type Env = Record<string, string | undefined>;

/** Answers the call on the fast path when it can; returns the exit code, or undefined to fall through. */
export function tryFastPath(root: URL, argv: readonly string[], env: Env, write: (text: string) => void): number | undefined {
  const { flags, rest, problems } = parseGlobalFlags(argv, env);
  if (problems.length > 0 || flags.help || flags.dryRun) return undefined;
  const wantsVersion = flags.version;
  const wantsCapabilities = !wantsVersion && flags.json && rest.length === 1 && rest[0] === 'capabilities';
  if (!wantsVersion && !wantsCapabilities) return undefined;

  const startedAt = Date.now();
  const manifest = JSON.parse(readFileSync(new URL('connector.json', root), 'utf8')) as Manifest;
  const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
  const invocation: Invocation = {
    tool: manifest.tool, version, evidenceId: newEvidenceId(startedAt), startedAt,
    mode: flags.mode, dryRun: false, requestIds: [],
  };
  const scrubber = new Scrubber(manifest.auth.service_keys.map((key) => env[key]));
  const command = wantsVersion ? 'version' : 'capabilities';
  const data = wantsVersion ? { tool: manifest.tool, version } : capabilitiesFromManifest(manifest, version);
  write(scrubber.scrub(flags.json ? `${JSON.stringify(successEnvelope(invocation, command, data))}\n` : `${version}\n`));
  writeAuditRecord(
    env,
    {
      evidence_id: invocation.evidenceId, timestamp: new Date(startedAt).toISOString(), tool: manifest.tool, version,
      command, mode: flags.mode, arguments: {}, dry_run: false, outcome: 'ok', exit_code: 0,
      duration_ms: Date.now() - startedAt, http: [], side_effects: [],
    },
    (text) => scrubber.scrub(text),
    (message) => process.stderr.write(`warning: ${message}\n`),
  );
  return 0;
}

export async function runBin({ root }: BinOptions): Promise<void> {
  // A reader that goes away (`--json capabilities | head -c 10`) makes the next write fail with
  // EPIPE, an 'error' event that without a listener crashes with a stack. Nothing is left to
  // tell; the exit code stays what the call set (the CLI path adds its own handling on top).
  const quiet = () => undefined;
  process.stdout.on('error', quiet);
  process.stderr.on('error', quiet);
  const fast = tryFastPath(root, process.argv.slice(2), process.env, (text) => process.stdout.write(text));
  if (fast !== undefined) {
    process.exitCode = fast;
    return;
  }
  // `mcp` lists tools from connector.json and loads the CLI's parts on the first call; everything
  // else runs the connector's bundled CLI. `aos-connector bundle` writes both.
  const { rest } = parseGlobalFlags(process.argv.slice(2), process.env);
  const entry = rest[0] === 'mcp' && existsSync(new URL('dist/mcp.js', root)) ? 'dist/mcp.js' : 'dist/cli.js';
  await import(new URL(entry, root).href);
}
