import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesSchema } from '@aos-connectors/contract';
import { envelopeSchema, healthSchema } from '@aos-connectors/contract';
import { installPacked, type PackedInstall } from './packed-install.js';
import { mcpToolsList } from './mcp-handshake.js';

/** Issue-level budget for an install of one connector: what a user pays beyond the connector itself. */
const MAX_EXTRA_PACKAGES = 3;
const MAX_EXTRA_BYTES = 1_000_000;

export interface PackedSuiteOptions {
  /** argv of a write command that readonly mode must refuse (exit 3). */
  refusedWrite?: string[];
  /** Paths that must not be in the tarball (dev-only dependencies, fixtures). */
  absent?: string[];
  /** More checks against the installed package. */
  extra?: (packed: () => PackedInstall) => void;
}

/**
 * The published artifact as a host meets it: the connector and the core packed, installed into
 * an empty prefix, and the installed bin run for --version, capabilities, health and a refused write.
 */
export function packedInstallSuite(connectorDir: string, options: PackedSuiteOptions = {}): void {
  const manifest = JSON.parse(readFileSync(join(connectorDir, 'connector.json'), 'utf8')) as { tool: string; auth: { required: boolean }; commands: unknown[] };
  let packed: PackedInstall;
  beforeAll(() => {
    packed = installPacked(connectorDir);
  }, 120_000);
  afterAll(() => packed?.cleanup());

  describe(`the packed ${manifest.tool}, installed from its tarball`, () => {
    it('ships only what it needs: the bin, the bundles, the manifests; no sources, tests or source maps', () => {
      for (const file of [`bin/${manifest.tool}.js`, 'dist/main.js', 'dist/cli.js', 'dist/definition.js', 'connector.json', 'permissions.json', 'README.md']) {
        expect(existsSync(join(packed.installed, file)), file).toBe(true);
      }
      for (const file of ['src', 'test', 'dist/tsconfig.lib.tsbuildinfo']) expect(existsSync(join(packed.installed, file)), file).toBe(false);
      // A source map would publish the build machine's paths.
      expect(packed.files.filter((file) => /\.map$|tsbuildinfo|(^|\/)test\//.test(file))).toEqual([]);
      for (const path of options.absent ?? []) expect(existsSync(join(packed.prefix, 'node_modules', path)), path).toBe(false);
    });

    it(`installs as a bundle: at most ${MAX_EXTRA_PACKAGES} packages and ${MAX_EXTRA_BYTES} bytes beyond the connector`, () => {
      const footprint = packed.footprint();
      expect(footprint.packages.length, footprint.packages.join(', ')).toBeLessThanOrEqual(MAX_EXTRA_PACKAGES);
      expect(footprint.extraBytes).toBeLessThanOrEqual(MAX_EXTRA_BYTES);
    });

    it('serves MCP out of the box: initialize and tools/list answer from the installed bin', async () => {
      const tools = await mcpToolsList(packed.spawn(['mcp']));
      expect(tools.length).toBeGreaterThan(0);
      for (const tool of tools) expect(tool).toMatchObject({ name: expect.any(String), inputSchema: { type: 'object' } });
    });

    it('--version prints the package version, plain and as an envelope', async () => {
      const plain = await packed.run(['--version']);
      expect(plain.exitCode).toBe(0);
      expect(plain.stdout.trim()).toBe(packed.version);
      const json = await packed.run(['--version', '--json']);
      expect(envelopeSchema.parse(json.json())).toMatchObject({ ok: true, tool: manifest.tool, data: { version: packed.version } });
    });

    it('--json capabilities describes every command of connector.json', async () => {
      const result = await packed.run(['--json', 'capabilities']);
      expect(result.exitCode).toBe(0);
      const envelope = envelopeSchema.parse(result.json());
      const capabilities = capabilitiesSchema.parse(envelope.ok ? envelope.data : null);
      expect(capabilities).toMatchObject({ tool: manifest.tool, version: packed.version });
      expect(capabilities.commands).toHaveLength(manifest.commands.length);
    });

    it('--json health runs through the full CLI and reports a status (exit 0)', async () => {
      const result = await packed.run(['--json', 'health'], { AOS_TIMEOUT_MS: '3000' });
      expect(result.exitCode, result.stderr).toBe(0);
      const envelope = envelopeSchema.parse(result.json());
      const health = healthSchema.parse(envelope.ok ? envelope.data : null);
      if (manifest.auth.required) expect(health).toMatchObject({ status: 'needs_setup', ready: false });
    });

    if (options.refusedWrite) {
      it('a write in readonly mode is refused by the installed bin (exit 3)', async () => {
        const result = await packed.run(['--json', ...options.refusedWrite!]);
        expect(result.exitCode).toBe(3);
        expect(result.json()).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      });
    }
    options.extra?.(() => packed);
  });
}
