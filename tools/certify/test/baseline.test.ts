import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAST_PATH_CHECK } from '../src/gates/contract-invocation.js';
import { certify, main, type CertificationReport } from '../src/index.js';
import { failures, makeFixture, removeFixtures } from './fixture-kit.js';

let dir: string;
let report: CertificationReport;

beforeAll(async () => {
  dir = await makeFixture('baseline');
  report = await certify(dir, { gates: ['contract', 'safety', 'audit', 'docs'] });
}, 120_000);
afterAll(removeFixtures);

describe('a sound connector', () => {
  it('passes every check of the black-box gates', () => {
    expect(failures(report)).toEqual([]);
    expect(report).toMatchObject({ tool: 'aos-fixture', version: '1.0.0', level: 'certified' });
    expect(report.gates.map((g) => g.gate)).toEqual(['contract', 'safety', 'audit', 'docs']);
  });

  it('reports {tool, level, gates:[{gate, checks:[{check, pass, evidence, fix}]}]}', () => {
    for (const gate of report.gates) {
      expect(gate.checks.length).toBeGreaterThan(0);
      for (const check of gate.checks) {
        expect(check).toEqual({ check: expect.any(String), pass: true, evidence: expect.any(String), fix: null });
        expect(check.evidence.length).toBeGreaterThan(0);
      }
    }
  });

  it('proves the mode gate and the error mapping against a real server', () => {
    const checks = report.gates.flatMap((g) => g.checks);
    expect(checks.find((c) => c.check.startsWith('every lower mode'))?.evidence).toMatch(/^2 denied calls of 1 gated commands, 0 requests/);
    expect(checks.find((c) => c.check.startsWith('read commands fail'))?.evidence).toContain('500, 401, 404, 429 Retry-After, malformed JSON, closed port');
  });

  it('checks start-up by what loads, not by wall time: the bin and the fast path, no heavy library', () => {
    const checks = report.gates.flatMap((g) => g.checks);
    expect(checks.some((c) => /within .*× node -e/.test(c.check))).toBe(false);
    const fastPath = checks.find((c) => c.check === FAST_PATH_CHECK);
    expect(fastPath).toMatchObject({ pass: true });
    expect(fastPath!.evidence).toMatch(/^2 file\(s\), [\d.]+ KiB: bin\/aos-fixture\.js, dist\/main\.js$/);
  });
});

describe('the aos-certify CLI', () => {
  const capture = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((stdout += String(text)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
    try {
      return { code: await main(argv), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  };

  it('prints the machine report with --json and exits 0 when certified', async () => {
    const { code, stdout } = await capture(['--json', '--only', 'docs', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ tool: 'aos-fixture', level: 'certified', gates: [{ gate: 'docs' }] });
  });

  it('prints a table for people and exits 1 when a gate fails', async () => {
    const broken = await makeFixture('cli-broken', { readme: (text) => text.replace('## Install', '## Get it') });
    const { code, stdout } = await capture(['--only', 'docs', broken]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^docs\s+README has Install\s+FAIL\s+no "## Install" section/m);
    expect(stdout).toContain('Level: failed: docs');
  });

  it('exits 2 on usage errors', async () => {
    expect((await capture([])).code).toBe(2);
    expect((await capture(['--only', 'speed', dir])).code).toBe(2);
    const missing = await capture(['/nonexistent/aos-nothing']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no package.json');
  });
});
