import { afterAll, describe, expect, it } from 'vitest';
import { FAST_PATH_CHECK } from '../src/gates/contract-invocation.js';
import { EXAMPLE_AND_OUTPUT_CHECK } from '../src/gates/docs.js';
import { certify } from '../src/index.js';
import { evidence, failures, makeFixture, removeFixtures } from './fixture-kit.js';

afterAll(removeFixtures);

// Each defect is certified on the gates that must catch it; the rest of the fixture is sound.
describe('aos-certify fails a connector', () => {
  it('whose destructive command runs at mode write', async () => {
    const dir = await makeFixture('destructive', {
      unchecked: true,
      extraCommands: `command({
        id: 'item.delete', summary: 'Delete an item', resource: 'item', action: 'write', risk: 2,
        input: z.object({ id: z.string().describe('Item id') }),
        run: ({ id }, { http }) => http.delete('/items/' + id),
      }),`,
    });
    const report = await certify(dir, { gates: ['safety'] });
    expect(report.level).toBe('failed: safety');
    expect(failures(report)).toEqual(['safety › destructive commands require admin']);
    expect(evidence(report, 'destructive commands require admin')).toContain('item.delete ("delete") runs at mode write');
  });

  it('whose config show prints a secret', async () => {
    const dir = await makeFixture('secret', { bin: 'secret-in-config-show.js' });
    const report = await certify(dir, { gates: ['safety'] });
    expect(report.level).toBe('failed: safety');
    expect(failures(report)).toEqual(['safety › no secret in any output, any mode (stdout, stderr, audit log)']);
    expect(evidence(report, 'no secret in any output, any mode (stdout, stderr, audit log)')).toMatch(/aos-fixture --json( --verbose)? config show: secret in stdout/);
  });

  it('that answers --json with a plain-text error', async () => {
    const dir = await makeFixture('plain-text', { bin: 'plain-text-error.js' });
    const report = await certify(dir, { gates: ['contract'] });
    expect(report.level).toBe('failed: contract');
    expect(failures(report)).toContain('contract › usage errors answer with one INVALID_USAGE envelope (exit 2)');
    expect(evidence(report, 'usage errors answer with one INVALID_USAGE envelope (exit 2)')).toContain('aos-fixture --json no-such-command: stdout is not JSON: Error: unknown command no-such-command');
  });

  it('that sends a request in readonly mode', async () => {
    const dir = await makeFixture('readonly-request', { bin: 'request-in-readonly.js' });
    const report = await certify(dir, { gates: ['safety'] });
    expect(report.level).toBe('failed: safety');
    expect(failures(report)).toContain('safety › every lower mode is refused with exit 3 and sends nothing');
    expect(evidence(report, 'every lower mode is refused with exit 3 and sends nothing')).toContain('aos-fixture --json --mode readonly item create: 1 request(s) reached the server (POST /items)');
  });

  it('whose --json capabilities loads the full CLI (commander, zod) at start-up', async () => {
    const dir = await makeFixture('heavy-start', { bin: 'heavy-start.js' });
    const report = await certify(dir, { gates: ['contract'] });
    expect(report.level).toBe('failed: contract');
    expect(failures(report)).toEqual([`contract › ${FAST_PATH_CHECK}`]);
    const seen = evidence(report, FAST_PATH_CHECK);
    // The core loads ky and undici lazily; commander and zod come with its main entry.
    expect(seen).toMatch(/^loads (zod, commander|commander, zod)\b.*; loads \d+ files \(more than 8\); \d+ file\(s\), [\d.]+ KiB: bin\/aos-fixture\.js, /);
  });

  it('whose README lacks a required section', async () => {
    const dir = await makeFixture('readme', { readme: (text) => text.replace(/## Known limitations[\s\S]*$/, '') });
    const report = await certify(dir, { gates: ['docs'] });
    expect(report.level).toBe('failed: docs');
    expect(failures(report)).toEqual(['docs › README has Known limitations']);
  });

  it('with a command that declares no example and no output schema', async () => {
    const dir = await makeFixture('no-output', {
      extraCommands: `command({
        id: 'item.get', summary: 'Get an item', resource: 'item', action: 'read', risk: 1,
        input: z.object({ id: z.string().describe('Item id') }),
        run: ({ id }, { http }) => http.get('/items/' + id),
      }),`,
    });
    const report = await certify(dir, { gates: ['docs'] });
    expect(report.level).toBe('failed: docs');
    expect(failures(report)).toEqual([`docs › ${EXAMPLE_AND_OUTPUT_CHECK}`]);
    expect(evidence(report, EXAMPLE_AND_OUTPUT_CHECK)).toBe('item.get has no example; item.get declares no output schema');
    const check = report.gates.flatMap((gate) => gate.checks).find((c) => c.check === EXAMPLE_AND_OUTPUT_CHECK);
    expect(check?.fix).toMatch(/output: z\.object/);
  });

  it('whose connector.json is out of sync with its definition', async () => {
    const dir = await makeFixture('drift', { afterSync: (source) => source.replace("summary: 'Create an item'", "summary: 'Create one item'") });
    const report = await certify(dir, { gates: ['contract', 'docs'] });
    expect(report.level).toBe('failed: contract, docs');
    expect(failures(report)).toEqual(expect.arrayContaining([
      'contract › connector.json is identical to what the definition derives',
      'docs › README generated sections match the definition',
    ]));
    expect(evidence(report, 'connector.json is identical to what the definition derives')).toContain('commands[1].summary: "Create an item" where the definition gives "Create one item"');
  });
});
