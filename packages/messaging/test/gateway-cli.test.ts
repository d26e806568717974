import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { command, defineConnector } from '@aos-connectors/core';
import { withGateway, type OutgoingMessage } from '../src/index.js';
import { runCli } from '@aos-connectors/testing';

const sent: OutgoingMessage[] = [];
const chat = defineConnector(withGateway({
  tool: 'aos-echochat',
  root: new URL('../../testing/test/fixture/', import.meta.url),
  backend: 'echo',
  label: 'Echo chat',
  category: 'messaging',
  auth: { kind: 'none', required: false, interactive_setup: [] },
  secrets: [],
  settings: [],
  commands: [
    command({ id: 'me.get', summary: 'Who am I', resource: 'me', action: 'read', risk: 1, input: z.object({}), run: async () => ({ id: 'echo' }) }),
  ],
}, {
    adapter: () => ({
      type: 'echo',
      idleDelayMs: 20,
      async poll({ cursor }) {
        const next = (cursor as number | undefined) ?? 0;
        if (next >= 3) return { messages: [], cursor: next };
        const id = `echo:${next}`;
        return {
          messages: [{ id, timestamp: new Date(0).toISOString(), sender: { id: 'u1', username: 'ann', display_name: 'Ann' }, content: { text: `hello ${next}`, attachments: [] }, conversation: { id: 'c1', type: 'dm', name: 'Ann' } }],
          cursor: next + 1,
        };
      },
      async send(message) {
        sent.push(message);
        return { platform_id: `p-${sent.length}` };
      },
    }),
}));

describe('gateway command (CONTRACT §9)', () => {
  it('is declared like any command: in the manifest, permissions and help, needing write mode', async () => {
    const capabilities = (await runCli(chat, ['--json', 'capabilities'])).json().data;
    expect(capabilities.commands.find((c: { id: string }) => c.id === 'gateway')).toMatchObject({ required_mode: 'write', action_class: 'write', path: ['gateway'] });
    const denied = await runCli(chat, ['--json', 'gateway', '--home', '/tmp/x', '--name', 'a']);
    expect(denied.exitCode).toBe(3);
    const missing = await runCli(chat, ['--json', '--mode', 'write', 'gateway']);
    expect(missing.json().error.message).toMatch(/--home is required/);
  });

  it('--dry-run shows the plan and starts nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'aos-gw-'));
    const result = await runCli(chat, ['--json', '--dry-run', 'gateway', '--home', home, '--name', 'main']);
    expect(result.json()).toMatchObject({
      ok: true,
      data: { dry_run: true, plan: { instance: 'main', adapter: 'echo', inbox: `${home}/messages/inbox`, outbox: `${home}/messages/outbox/main` } },
      meta: { dry_run: true },
    });
    expect(readdirSync(home)).toEqual([]);
  });

  it('moves platform messages to the inbox and outbox files to the platform, until the deadline', async () => {
    const home = mkdtempSync(join(tmpdir(), 'aos-gw-'));
    mkdirSync(join(home, 'messages', 'outbox', 'main'), { recursive: true });
    writeFileSync(join(home, 'messages', 'outbox', 'main', '0001.json'), JSON.stringify({ conversation_id: 'c1', text: 'hi Ann' }));
    const result = await runCli(chat, ['--json', '--mode', 'write', '--timeout-ms', '1500', 'gateway', '--home', home, '--name', 'main']);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.json().data).toMatchObject({ instance: 'main', sent: 1 });
    const inbox = readdirSync(join(home, 'messages', 'inbox')).filter((f) => f.endsWith('.json'));
    expect(inbox).toHaveLength(3);
    const first = JSON.parse(readFileSync(join(home, 'messages', 'inbox', inbox.sort()[0]!), 'utf8'));
    expect(first).toMatchObject({ id: 'echo:0', connector: { type: 'echo', instance: 'main' }, content: { text: 'hello 0' } });
    expect(sent.map((m) => m.text)).toEqual(['hi Ann']);
    expect(readdirSync(join(home, 'messages', 'outbox', 'main'))).toEqual([]);
    expect(result.stderr).toContain('aos-echochat[main]');
  });
});
