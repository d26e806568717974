import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveManifest, type Manifest } from '@aos-connectors/core';
import { toolPrefix } from '../src/index.js';
import widgets from '@aos-connectors/testing/fixture';
import { connect, type Connected } from './client.js';

const dir = mkdtempSync(join(tmpdir(), 'aos-mcp-spawn-'));
const log = join(dir, 'calls.log');

/** A bin that answers every call with an envelope echoing its argv and the mode it was given. */
function bin(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `#!/usr/bin/env node\nconst fs = require('node:fs');\nfs.appendFileSync(${JSON.stringify(log)}, ${JSON.stringify(name)} + ' ' + process.pid + ' ' + process.argv.slice(2).join(' ') + '\\n');\n${body}\n`);
  chmodSync(file, 0o755);
  // CommonJS in a .js file: the directory says so.
  writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');
  return file;
}

const echo = bin('echo', `
const args = process.argv.slice(2);
const mode = args[args.indexOf('--mode') + 1];
process.stdout.write(JSON.stringify({ ok: true, tool: 'aos-echo', command: 'widget.get', data: { argv: args, env_token: process.env.ECHO_TOKEN ?? null },
  meta: { mode, duration_ms: 1, timestamp: '2026-01-01T00:00:00Z', version: '3.0.0', evidence_id: 'ev_00000000' } }) + '\\n');`);
const garbage = bin('garbage', `process.stderr.write('Error: boom\\n    at somewhere\\n'); process.stdout.write('not json'); process.exitCode = 1;`);
const hang = bin('hang', 'setInterval(() => {}, 1000);');

const manifestOf = (tool: string): Manifest => ({ ...deriveManifest(widgets), tool });
const pidsOf = (name: string) => readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith(`${name} `)).map((line) => Number(line.split(' ')[1]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('connectors served by spawning their bins (the host path)', () => {
  let mcp: Connected;
  beforeAll(async () => {
    mcp = await connect({
      connectors: [
        { manifest: manifestOf('aos-echo'), binPath: echo, version: '3.0.0', prefix: toolPrefix('aos-echo') },
        { manifest: manifestOf('aos-garbage'), binPath: garbage, prefix: toolPrefix('aos-garbage') },
        { manifest: manifestOf('aos-hang'), binPath: hang, prefix: toolPrefix('aos-hang') },
      ],
      env: { PATH: process.env.PATH, ECHO_TOKEN: 'from-session-env' },
      mode: 'write',
    });
  });
  afterAll(() => mcp.close());

  it('prefixes tool names with the connector and its label', async () => {
    const { tools } = await mcp.client.listTools();
    const echoTools = tools.filter((tool) => tool.name.startsWith('echo__')).map((tool) => tool.name);
    expect(echoTools).toEqual(expect.arrayContaining(['echo__widget_get', 'echo__widget_create', 'echo__health']));
    expect(echoTools).not.toContain('echo__widget_delete');
    expect(tools.find((tool) => tool.name === 'echo__widget_get')!.description).toBe('Widgets: Get one widget');
  });

  it("spawns the bin with the command's path, its JSON input unchanged, the session's mode and environment", async () => {
    const input = { name: '--json --mode admin', tags: ['a', 'b'], meta: { nested: [1, null] } };
    const { isError, envelope } = await mcp.call('echo__widget_create', input);
    expect(isError).toBe(false);
    expect(envelope.data).toEqual({ argv: ['widget', 'create', '--input-json', JSON.stringify(input), '--json', '--mode', 'write'], env_token: 'from-session-env' });
  });

  it('refuses `all` on a list tool and a non-object input before spawning', async () => {
    const before = readFileSync(log, 'utf8');
    expect((await mcp.call('echo__widget_list', { all: true })).envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', details: { argument: 'all' } } });
    expect(readFileSync(log, 'utf8')).toBe(before);
  });

  it('refuses a tool above the session mode without spawning anything', async () => {
    const before = readFileSync(log, 'utf8');
    const { isError, envelope } = await mcp.call('echo__widget_delete', { id: 1 });
    expect(isError).toBe(true);
    expect(envelope).toMatchObject({ ok: false, tool: 'aos-echo', error: { code: 'PERMISSION_DENIED' }, meta: { mode: 'write', version: '3.0.0' } });
    expect(readFileSync(log, 'utf8')).toBe(before);
  });

  it('turns a bin that breaks the contract into an INTERNAL_ERROR envelope', async () => {
    const { isError, envelope } = await mcp.call('garbage__widget_list');
    expect(isError).toBe(true);
    expect(envelope).toMatchObject({ ok: false, tool: 'aos-garbage', command: 'widget.list', error: { code: 'INTERNAL_ERROR', details: { exit_code: 1 } } });
    expect(envelope.error.message).toMatch(/exited with code 1 without a JSON envelope: Error: boom$/);
  });

  it('kills the bin when the client cancels the call', async () => {
    const controller = new AbortController();
    const pending = mcp.client.callTool({ name: 'hang__widget_list', arguments: {} }, undefined, { signal: controller.signal });
    await expect.poll(() => pidsOf('hang').length, { timeout: 5_000 }).toBe(1);
    const [pid] = pidsOf('hang');
    expect(alive(pid!)).toBe(true);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => alive(pid!), { timeout: 5_000 }).toBe(false);
  });
});
