import { Checks } from '../checks.js';
import type { CertifyContext, CommandInfo } from '../context.js';
import type { TestCase } from '../junit.js';
import type { CheckResult } from '../report.js';
import { excerpt } from '../text.js';
import type { SuiteRun } from '../vitest-run.js';

/** A test names a command by its id (`item.list`) or its words (`item list`). */
const names = (test: TestCase, commands: CommandInfo[]) =>
  commands.some((c) => test.name.includes(c.id) || test.name.includes(c.path.join(' ')));
const inConformanceSuite = (test: TestCase) => / meets the AOS contract > /.test(test.name);

interface Category {
  name: string;
  /** False when it does not apply to this connector (no writes → no write gating). */
  applies: (ctx: CertifyContext) => boolean;
  covers: (test: TestCase, ctx: CertifyContext) => boolean;
  fix: string;
}

const reads = (ctx: CertifyContext) => ctx.facts.commands.filter((c) => c.action_class === 'read');
const gated = (ctx: CertifyContext) => ctx.facts.commands.filter((c) => c.required_mode !== 'readonly');

/**
 * The required test categories (seeds: Build a Connector › Step 7), recognized by the names of
 * passing tests; the core's conformanceSuite names its tests so that it covers all but read shapes.
 */
export const CATEGORIES: Category[] = [
  {
    name: 'commands match the connector.json manifest',
    applies: () => true,
    covers: (test) => /connector\.json|manifest/i.test(test.name),
    fix: 'Call conformanceSuite(definition) from @aos-connectors/core/testing, or test that connector.json equals deriveManifest(definition).',
  },
  {
    name: 'health: needs_setup without credentials',
    applies: (ctx) => ctx.facts.authRequired,
    covers: (test) => /needs[_ -]?setup/i.test(test.name),
    fix: 'Test that health reports needs_setup without credentials (conformanceSuite does).',
  },
  {
    name: 'health: healthy with credentials',
    applies: () => true,
    covers: (test) => /(^|[^a-z])healthy\b/i.test(test.name),
    fix: 'Test that health reports healthy with credentials and a reachable API (conformanceSuite with healthyResponse does).',
  },
  {
    name: 'read commands return the expected data shapes',
    applies: (ctx) => reads(ctx).length > 0,
    covers: (test, ctx) => !inConformanceSuite(test) && (names(test, reads(ctx)) || /\bshapes?\b/i.test(test.name)),
    fix: 'Add msw tests (useMockApi + runCli) of each read command against vendor-shaped fixtures, named after the command (describe("item.list", ...)).',
  },
  {
    name: 'write commands respect mode gating',
    applies: (ctx) => gated(ctx).length > 0,
    // A refusal that names the mode: "refused below admin", "in readonly mode", "write gating".
    covers: (test, ctx) =>
      /\b(below|in|at) (mode |the )?(readonly|write|full|admin)\b|\breadonly\b|PERMISSION_DENIED|\bgat(ed|ing)\b|below mode/i.test(test.name) &&
      (inConformanceSuite(test) || names(test, gated(ctx))),
    fix: 'Test that each write command is refused below its mode and sends nothing (conformanceSuite does).',
  },
];

/** Tests gate: the package's own suite passes and covers the required categories. */
export async function testsGate(ctx: CertifyContext, suite: Promise<SuiteRun>): Promise<CheckResult[]> {
  const checks = new Checks();
  const run = await suite;
  const failed = run.cases.filter((test) => test.status === 'failed');
  const passed = run.cases.filter((test) => test.status === 'passed');
  const name = 'the package\'s test suite passes';
  if (run.problem) checks.fail(name, run.problem, 'Make `npx vitest run` pass in the package.');
  else if (run.exitCode !== 0 || failed.length > 0 || run.cases.length === 0) {
    const source = run.reused ? ` (${run.reused})` : '';
    const detail = failed.length ? `${failed.length} failed: ${failed.slice(0, 3).map((t) => `${t.file} > ${t.name}`).join('; ')}` : run.cases.length === 0 ? 'no tests ran' : `vitest exited ${run.exitCode}: ${excerpt(run.output.slice(-400), 200)}`;
    checks.fail(name, detail + source, 'Make `npx vitest run` pass in the package.');
  } else {
    checks.pass(name, run.reused ? `${passed.length} passed (the package's own test run, ${run.reused})` : `${passed.length} passed in ${(run.durationMs / 1000).toFixed(1)} s`);
  }

  for (const category of CATEGORIES) {
    const check = `tests cover: ${category.name}`;
    if (!category.applies(ctx)) {
      checks.pass(check, 'not applicable to this connector');
      continue;
    }
    const covering = passed.filter((test) => category.covers(test, ctx));
    if (covering.length) checks.pass(check, `${covering.length} passing test(s), e.g. "${excerpt(covering[0]!.name, 100)}"`);
    else checks.fail(check, 'no passing test covers it', category.fix);
  }
  return checks.results;
}
