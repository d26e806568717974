import { describe, expect, it } from 'vitest';
import { fakes } from './support/fakes.js';
import { aos } from './support/run.js';

const world = fakes();
world.add('aos-alpha');
world.add('aos-beta', { needs: 'BETA_TOKEN' });
const env = world.env();

describe('aos completion', () => {
  it('bash: the subcommands, their flags and the connectors found', async () => {
    const result = await aos(['completion', 'bash'], env);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('complete -F _aos aos');
    expect(result.stdout).toContain('"") echo "list info health run mcp completion"');
    expect(result.stdout).toContain('"list") echo "--probe --refresh --concurrency"');
    expect(result.stdout).toMatch(/"run"\) echo "[^"]*aos-alpha[^"]*aos-beta/);
  });

  it('zsh and fish; an unknown shell is INVALID_USAGE', async () => {
    expect((await aos(['completion', 'zsh'], env)).stdout).toMatch(/^#compdef aos\n/);
    expect((await aos(['completion', 'fish'], env)).stdout).toContain("complete -c aos -f -a '(__aos_complete)'");
    const bad = await aos(['--json', 'completion', 'tcsh'], env);
    expect(bad.exitCode).toBe(2);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_USAGE', message: expect.stringContaining('Unknown shell "tcsh"') });
  });

  it('a mistyped subcommand gets a suggestion', async () => {
    const result = await aos(['--json', 'lst'], env);
    expect(result.exitCode).toBe(2);
    expect(result.json().error.message).toBe('Unknown command "lst"; did you mean "list"?');
  });
});
