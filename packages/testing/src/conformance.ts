import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesSchema } from '@aos-connectors/contract';
import { auditRecordSchema, configShowSchema, doctorSchema, envelopeSchema, healthSchema } from '@aos-connectors/contract';
import { manifestSchema, permissionsSchema } from '@aos-connectors/contract';
import { MODES, modeAllows } from '@aos-connectors/contract';
import { tryFastPath } from '@aos-connectors/core/fast';
import { deriveManifest, derivePermissions, requiredMode } from '@aos-connectors/core';
import type { CommandDefinition, ConnectorDefinition } from '@aos-connectors/core';
import { closedPortUrl, replies, startRecordingServer, type RecordingServer } from './recording-server.js';
import { runCli, type CliResult } from './run-cli.js';
import { CANARY } from './canary.js';

type Env = Record<string, string | undefined>;

export interface ConformanceOptions {
  /**
   * Valid arguments (argv words after the command path) for commands that need some. `{server}`
   * in a word becomes the suite's local HTTP server URL (for connectors that take URLs as input;
   * pair it with a policy in `env` that allows loopback).
   */
  samples?: Record<string, string[]>;
  /** Extra settings every run needs (non-secret); the base URL is set by the suite. */
  env?: Env;
  /** A body that makes `health`'s probe succeed against the local server, to prove `healthy`. */
  healthyResponse?: unknown;
}

export { CANARY };

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const windows = (text: string, size: number) => Array.from({ length: Math.max(0, text.length - size + 1) }, (_, i) => text.slice(i, i + size));
const HALF = Math.ceil(CANARY.length / 2);

/**
 * What a careless vendor sends back in an error: the request it received (headers with the
 * credential, URL, body) as text, base64 and URL-encoded, and the canary itself in the forms
 * credentials travel in (base64 alone and inside Basic `user:canary` and SASL PLAIN
 * `\0user\0canary` blobs at every alignment, URL-encoded, each half, spaced out), in the fields
 * vendors put error text in.
 */
function canaryEcho(request: { method: string; url: string; headers: unknown; body: string }) {
  const received = JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body: request.body });
  const forms = [
    `received ${received}`,
    `received (base64) ${base64(received)}`,
    `received (url-encoded) ${encodeURIComponent(received)}`,
    `base64 ${base64(CANARY)}`,
    ...['u', 'us', 'use'].map((user) => `basic ${base64(`${user}:${CANARY}`)} plain ${base64(`\0${user}\0${CANARY}`)}`),
    `url-encoded ?token=${encodeURIComponent(`${CANARY}/+ =`)}`,
    `first half ${CANARY.slice(0, HALF)}...`,
    `second half ...${CANARY.slice(-HALF)}`,
    `spaced out ${CANARY.match(/.{1,5}/g)!.join(' ')}`,
  ].join('\n');
  return { message: forms, error: forms, description: forms, detail: forms, error_description: forms };
}

/**
 * The traces of the canary in a text, by name: its fragments of 10 characters (a scrubber must
 * catch far less: half the canary, either half), the same with whitespace removed (the canary
 * printed with spaces inside), its URL-encoded form, and 14-character windows of its base64 at
 * each of the 3 alignments, kept 3 characters clear of the edges that depend on the neighbouring
 * bytes (so any base64 blob holding the canary, `user:canary` or `\0user\0canary`, contains one).
 */
function canaryTraces(text: string): string[] {
  const found = new Set<string>();
  const squeezed = text.replace(/\s|\\[nrt]/g, '');
  for (const fragment of windows(CANARY, 10)) {
    if (text.includes(fragment)) found.add(fragment === CANARY.slice(0, 10) ? 'first half' : fragment === CANARY.slice(-10) ? 'second half' : 'fragment');
    else if (squeezed.includes(fragment)) found.add('spaced out');
  }
  if (text.includes(encodeURIComponent(`${CANARY}/+ =`))) found.add('url-encoded');
  ['', 'x', 'xy'].forEach((prefix, alignment) => {
    const encoded = base64(prefix + CANARY).replace(/=+$/, '');
    for (const window of windows(encoded.slice(3, -3), 14)) {
      if (text.includes(window) || squeezed.includes(window)) found.add(`base64+${alignment}`);
    }
  });
  return [...found].sort();
}

/**
 * The contract (CONTRACT §1–7) as one vitest suite a connector's tests call with its definition.
 * It talks to a real recording HTTP server on 127.0.0.1, so "no request" means none at all.
 */
export function conformanceSuite(definition: ConnectorDefinition, options: ConformanceOptions = {}): void {
  const samples = options.samples ?? {};
  const baseSetting = definition.http?.baseUrl.setting;
  const outputs: string[] = [];
  let server: RecordingServer;

  const secretEnv = (): Env => Object.fromEntries(definition.secrets.map((s) => [s.name, CANARY]));
  const envWith = (extra: Env = {}): Env => ({
    ...options.env,
    ...(baseSetting ? { [baseSetting]: server.url } : {}),
    ...extra,
  });
  const run = async (argv: string[], env: Env): Promise<CliResult> => {
    const result = await runCli(definition, argv, env);
    outputs.push(result.stdout, result.stderr, JSON.stringify(result.audit()));
    return result;
  };
  const argsFor = (command: CommandDefinition) => [
    ...command.id.split('.'),
    ...(samples[command.id] ?? []).map((word) => word.replaceAll('{server}', server.url)),
  ];
  const envelope = (result: CliResult) => envelopeSchema.parse(result.json());

  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(async () => {
    await server.close();
  });

  describe(`${definition.tool} meets the AOS contract`, () => {
    it('ships connector.json and permissions.json identical to what the definition derives', () => {
      const manifest = JSON.parse(readFileSync(new URL('connector.json', definition.root), 'utf8'));
      expect(manifestSchema.parse(manifest)).toBeTruthy();
      expect(manifest).toEqual(JSON.parse(JSON.stringify(deriveManifest(definition))));
      const permissions = JSON.parse(readFileSync(new URL('permissions.json', definition.root), 'utf8'));
      expect(permissionsSchema.parse(permissions)).toEqual(derivePermissions(definition));
    });

    it('prints its version, plain and as an envelope', async () => {
      const { version } = JSON.parse(readFileSync(new URL('package.json', definition.root), 'utf8'));
      const plain = await run(['--version'], envWith());
      expect(plain.stdout.trim()).toBe(version);
      const json = await run(['--version', '--json'], envWith());
      expect(envelope(json)).toMatchObject({ ok: true, data: { version } });
    });

    it('describes itself with capabilities, the same on the fast path as on the full CLI', async () => {
      const full = await run(['capabilities', '--json'], envWith());
      const parsed = envelope(full);
      const capabilities = capabilitiesSchema.parse(parsed.ok ? parsed.data : undefined);
      for (const command of capabilities.commands) expect(command.path).toEqual(command.id.split('.'));
      let fastOut = '';
      expect(tryFastPath(definition.root, ['--json', 'capabilities'], { AOS_AUDIT: 'off' }, (t) => (fastOut += t))).toBe(0);
      expect(JSON.parse(fastOut).data).toEqual(capabilities);
    });

    it('accepts global flags before and after the command path', async () => {
      const before = await run(['--json', '--mode', 'readonly', 'doctor'], envWith());
      const after = await run(['doctor', '--mode=readonly', '--json'], envWith());
      expect(envelope(before).ok).toBe(true);
      expect(envelope(after).ok).toBe(true);
      expect(doctorSchema.parse(after.json().data)).toBeTruthy();
    });

    it('reaches every command by id.split(".") and with "-" for "_"', async () => {
      for (const command of definition.commands) {
        const result = await run(['--json', ...command.id.split('.'), '--help'], envWith());
        expect(envelope(result)).toMatchObject({ ok: true, command: command.id });
        const dashed = await run(['--json', ...command.id.replaceAll('_', '-').split('.'), '--help'], envWith());
        expect(envelope(dashed)).toMatchObject({ ok: true, command: command.id });
      }
    });

    it('answers an unknown command, an unknown flag and a bad --mode with a usage envelope (exit 2)', async () => {
      const unknown = await run(['--json', 'no-such-command'], envWith());
      expect(unknown.exitCode).toBe(2);
      expect(envelope(unknown)).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
      const badMode = await run(['--json', '--mode', 'root', 'capabilities'], envWith());
      expect(badMode.exitCode).toBe(2);
      expect(envelope(badMode)).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
      const first = definition.commands[0];
      if (first) {
        const badFlag = await run(['--json', '--mode', 'admin', ...argsFor(first), '--no-such-flag'], envWith(secretEnv()));
        expect(badFlag.exitCode).toBe(2);
        expect(envelope(badFlag)).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
      }
      expect(server.requests).toHaveLength(0);
    });

    it('reports needs_setup without credentials and sends nothing', async () => {
      server.requests.length = 0;
      const result = await run(['--json', 'health'], envWith());
      expect(result.exitCode).toBe(0);
      const health = healthSchema.parse(envelope(result).ok ? result.json().data : undefined);
      if (definition.auth.required) expect(health.status).toBe('needs_setup');
      else expect(['healthy', 'degraded', 'error']).toContain(health.status);
      if (definition.auth.required) expect(server.requests).toHaveLength(0);
    });

    if (options.healthyResponse !== undefined) {
      it('reports healthy with credentials and a reachable API', async () => {
        server.respond(() => replies.json(200, options.healthyResponse));
        const result = await run(['--json', 'health'], envWith(secretEnv()));
        server.respond(() => replies.json(200, {}));
        expect(result.exitCode).toBe(0);
        expect(result.json().data).toMatchObject({ status: 'healthy', ready: true });
      });
    }

    it('shows config offline, with secrets only as present/absent', async () => {
      server.requests.length = 0;
      const result = await run(['--json', 'config', 'show'], envWith(secretEnv()));
      expect(envelope(result).ok).toBe(true);
      const data = configShowSchema.parse(result.json().data);
      for (const secret of data.secrets) expect(secret).toMatchObject({ present: true });
      expect(result.stdout).not.toContain(CANARY);
      expect(server.requests).toHaveLength(0);
    });

    const gated = definition.commands.filter((command) => requiredMode(command) !== 'readonly');
    for (const command of gated) {
      it(`refuses ${command.id} below mode ${requiredMode(command)} before validating or sending (exit 3)`, async () => {
        server.requests.length = 0;
        for (const mode of MODES.filter((m) => !modeAllows(m, requiredMode(command)))) {
          // No arguments at all: the gate must come before validation.
          const result = await run(['--json', '--mode', mode, ...command.id.split('.')], envWith(secretEnv()));
          expect(result.exitCode).toBe(3);
          expect(envelope(result)).toMatchObject({
            ok: false,
            error: { code: 'PERMISSION_DENIED', details: { required_mode: requiredMode(command), actual_mode: mode } },
          });
        }
        expect(server.requests).toHaveLength(0);
      });
    }

    for (const command of definition.commands.filter((c) => c.action !== 'read' && samples[c.id])) {
      it(`--dry-run on ${command.id} returns the request and sends nothing`, async () => {
        server.requests.length = 0;
        const result = await run(['--json', '--dry-run', ...argsFor(command)], envWith(secretEnv()));
        expect(result.exitCode, result.stdout + result.stderr).toBe(0);
        const parsed = result.json();
        expect(parsed.meta.dry_run).toBe(true);
        expect(parsed.data.request).toMatchObject({ method: expect.any(String), url: expect.any(String) });
        expect(server.requests).toHaveLength(0);
      });
    }

    const probe = definition.commands.find((c) => c.action === 'read' && (samples[c.id] || Object.keys(c.input.shape).length === 0 || c.input.safeParse({}).success));
    if (probe && baseSetting) {
      const cases: [string, () => ReturnType<Parameters<RecordingServer['respond']>[0]>, string, number][] = [
        ['401', () => replies.json(401, { message: 'Bad credentials' }), 'AUTH_FAILED', 4],
        ['404', () => replies.json(404, { message: 'Not Found' }), 'NOT_FOUND', 6],
        ['422', () => replies.json(422, { message: 'Validation Failed' }), 'VALIDATION_FAILED', 2],
        ['429 past the deadline', () => replies.json(429, { message: 'slow down' }, { 'retry-after': '120' }), 'RATE_LIMITED', 5],
        ['500', () => replies.json(500, { message: 'boom' }), 'BACKEND_UNAVAILABLE', 5],
        ['malformed JSON', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"truncated": ' }), 'BACKEND_UNAVAILABLE', 5],
      ];
      for (const [name, reply, code, exit] of cases) {
        it(`maps a vendor ${name} on ${probe.id} to ${code} (exit ${exit})`, async () => {
          server.respond(reply);
          const result = await run(['--json', '--timeout-ms', '5000', ...argsFor(probe)], envWith(secretEnv()));
          server.respond(() => replies.json(200, {}));
          expect(result.exitCode, result.stdout).toBe(exit);
          const parsed = envelope(result);
          expect(parsed).toMatchObject({ ok: false, error: { code } });
          if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(10);
          if (code === 'RATE_LIMITED') expect(parsed.ok ? null : parsed.error.details).toMatchObject({ retry_after_s: 120 });
        });
      }
      it(`maps an unreachable backend on ${probe.id} to BACKEND_UNAVAILABLE (exit 5)`, async () => {
        const result = await run(['--json', ...argsFor(probe)], { ...envWith(secretEnv()), [baseSetting]: await closedPortUrl() });
        expect(result.exitCode).toBe(5);
        expect(envelope(result)).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } });
      });
    }

    // Only a connector with secrets has something to leak: for one without, the canary is just text.
    if (baseSetting && definition.secrets.length > 0) {
      it('never prints a secret, even when the vendor echoes it back encoded, in part or spaced out', async () => {
        server.respond((request) => replies.json(500, canaryEcho(request)));
        // The check is live: every line of the echo shows a trace, every alignment of base64 included.
        const echo = canaryEcho({ method: 'GET', url: '/', headers: { authorization: `Bearer ${CANARY}` }, body: '' }).message.split('\n');
        for (const line of echo) expect(canaryTraces(line), line).not.toEqual([]);
        expect(canaryTraces(echo.join('\n'))).toEqual(expect.arrayContaining(['base64+0', 'base64+1', 'base64+2', 'url-encoded', 'first half', 'second half']));
        expect(canaryTraces(echo.at(-1)!)).toEqual(['spaced out']);
        try {
          for (const command of definition.commands) {
            const result = await run(['--json', '--verbose', '--mode', 'admin', '--timeout-ms', '3000', ...argsFor(command)], envWith(secretEnv()));
            const texts = { stdout: result.stdout, stderr: result.stderr, audit: JSON.stringify(result.audit()) };
            for (const [where, text] of Object.entries(texts)) expect(canaryTraces(text), `${command.id}: ${where}`).toEqual([]);
          }
        } finally {
          server.respond(() => replies.json(200, {}));
        }
      });
    }

    it('writes one audit record per invocation, keyed by the envelope evidence id', async () => {
      const result = await run(['--json', 'doctor'], envWith(secretEnv()));
      const records = result.audit().map((record) => auditRecordSchema.parse(record));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ evidence_id: result.json().meta.evidence_id, command: 'doctor', outcome: 'ok', exit_code: 0 });
    });

    it('leaked no secret into any output or audit record above, in any form', () => {
      expect(outputs.length).toBeGreaterThan(0);
      for (const text of outputs) {
        expect(text).not.toContain(CANARY);
        expect(canaryTraces(text)).toEqual([]);
      }
    });
  });
}
