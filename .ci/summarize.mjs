// Sums every package's vitest JSON report (test-results.json) into one plain line for CI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
const missing = [];
for (const group of ['packages', 'tools']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const dir = join(group, name);
    if (!existsSync(join(dir, 'vitest.config.ts'))) continue;
    const file = join(dir, 'test-results.json');
    if (!existsSync(file)) {
      missing.push(dir);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    // A file that fails to load has no failed tests but a failed suite: count it too.
    failed += report.numFailedTests || report.numFailedTestSuites;
    console.log(`${dir}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
for (const dir of missing) {
  console.log(`${dir}: no test report (its tests did not run)`);
  failed += 1;
}
// A task other than the vitest suites (sync check, build, typecheck, certify) may have failed.
const testCommandStatus = Number(process.argv[2] ?? 0);
if (testCommandStatus !== 0 && failed === 0) {
  console.log(`npm test exited ${testCommandStatus}: a build, typecheck, sync or certify task failed (see above)`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
