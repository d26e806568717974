import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certify } from '../src/index.js';
import { evidence, failures, makeFixture, removeFixtures } from './fixture-kit.js';

afterAll(removeFixtures);

describe('the tests gate', () => {
  it('fails a package without tests', async () => {
    const dir = await makeFixture('no-tests');
    const report = await certify(dir, { gates: ['tests'] });
    expect(report.level).toBe('failed: tests');
    expect(failures(report)).toContain("tests › the package's test suite passes");
  });

  it('names each required category no passing test covers', async () => {
    const dir = await makeFixture('thin-tests', {
      files: {
        'vitest.config.js': "export default { test: { include: ['test/**/*.test.js'] } };\n",
        'test/smoke.test.js': [
          "import { expect, it } from 'vitest';",
          "it('item.list returns the items shape', () => expect(1).toBe(1));",
          "it('reports healthy with a token', () => expect(1).toBe(1));",
          "it('knows its manifest', () => expect(1).toBe(2));",
          '',
        ].join('\n'),
      },
    });
    const report = await certify(dir, { gates: ['tests'] });
    expect(failures(report)).toEqual([
      "tests › the package's test suite passes",
      'tests › tests cover: commands match the connector.json manifest',
      'tests › tests cover: health: needs_setup without credentials',
      'tests › tests cover: write commands respect mode gating',
    ]);
    expect(evidence(report, "the package's test suite passes")).toContain('1 failed: test/smoke.test.js > knows its manifest');
    expect(evidence(report, 'tests cover: read commands return the expected data shapes')).toContain('item.list returns the items shape');
  });

  it("reuses the package's own test run (test-results.json) when it is newer than the package, and runs the suite when it is stale", async () => {
    const test = (title: string, status: string) => ({ ancestorTitles: ['aos-fixture'], title, status });
    const results = {
      success: true,
      numFailedTestSuites: 0,
      testResults: [{ name: '', status: 'passed', assertionResults: [
        test('connector.json matches the manifest', 'passed'),
        test('health reports needs_setup without credentials', 'passed'),
        test('health reports healthy with a token', 'passed'),
        test('item.list returns the items shape', 'passed'),
        test('item.create is refused below mode write', 'passed'),
      ] }],
    };
    const dir = await makeFixture('reused-tests', {
      files: {
        'vitest.config.js': "export default { test: { include: ['test/**/*.test.js'] } };\n",
        // The suite on disk fails: only a reuse of the recorded run can pass.
        'test/smoke.test.js': "import { expect, it } from 'vitest';\nit('knows its manifest', () => expect(1).toBe(2));\n",
      },
    });
    results.testResults[0]!.name = join(dir, 'test/smoke.test.js');
    writeFileSync(join(dir, 'test-results.json'), JSON.stringify(results));
    const reused = await certify(dir, { gates: ['tests'] });
    expect(failures(reused)).toEqual([]);
    expect(evidence(reused, "the package's test suite passes")).toBe("5 passed (the package's own test run, test-results.json)");
    expect(evidence(reused, 'tests cover: write commands respect mode gating')).toContain('item.create is refused below mode write');

    // A test file changed after the recorded run: the results are stale, the suite runs.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'test/smoke.test.js'), later, later);
    const rerun = await certify(dir, { gates: ['tests'] });
    expect(evidence(rerun, "the package's test suite passes")).toContain('1 failed: test/smoke.test.js > knows its manifest');
  });

  it('does not reuse a run of some test files only', async () => {
    const dir = await makeFixture('partial-results', {
      files: {
        'vitest.config.js': "export default { test: { include: ['test/**/*.test.js'] } };\n",
        'test/a.test.js': "import { expect, it } from 'vitest';\nit('a', () => expect(1).toBe(1));\n",
        'test/b.test.js': "import { expect, it } from 'vitest';\nit('b fails', () => expect(1).toBe(2));\n",
      },
    });
    const partial = { success: true, testResults: [{ name: join(dir, 'test/a.test.js'), status: 'passed', assertionResults: [{ ancestorTitles: [], title: 'a', status: 'passed' }] }] };
    writeFileSync(join(dir, 'test-results.json'), JSON.stringify(partial));
    const report = await certify(dir, { gates: ['tests'] });
    expect(evidence(report, "the package's test suite passes")).toContain('1 failed: test/b.test.js > b fails');
  });
});
