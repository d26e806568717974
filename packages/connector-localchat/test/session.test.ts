import { describe, expect, it } from 'vitest';
import { runCli } from '@aos-connectors/testing';
import localchat from '../src/connector.js';

describe('session.info', () => {
  it('shows the sender, conversation and reply settings, offline', async () => {
    const result = await runCli(localchat, ['--json', 'session', 'info'], { LOCALCHAT_USER: 'ann', LOCALCHAT_FORMAT: 'json', LOCALCHAT_OUTPUT: 'stderr' });
    expect(result.exitCode).toBe(0);
    expect(result.json().data).toMatchObject({
      sender: { id: 'ann', username: 'ann' },
      conversation: { id: 'local', type: 'dm' },
      reply_format: 'json',
      reply_output: 'stderr',
      interactive: expect.any(Boolean),
    });
  });

  it('a bad LOCALCHAT_FORMAT is CONFIG_ERROR (exit 4)', async () => {
    const result = await runCli(localchat, ['--json', 'session', 'info'], { LOCALCHAT_FORMAT: 'xml' });
    expect(result.exitCode).toBe(4);
    expect(result.json().error).toMatchObject({ code: 'CONFIG_ERROR', details: { setting: 'LOCALCHAT_FORMAT' } });
  });

  it('prints a table-free line for people without --json', async () => {
    const result = await runCli(localchat, ['session', 'info'], { LOCALCHAT_USER: 'ann' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('ann');
  });
});
