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
});
