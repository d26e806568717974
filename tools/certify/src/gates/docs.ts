import { syncManifests } from '@aos-connectors/build';
import { Checks } from '../checks.js';
import type { CertifyContext } from '../context.js';
import type { CheckResult } from '../report.js';

interface Section {
  heading: string;
  body: string;
}

/** The README split at `##` headings (fenced code blocks do not count as headings). */
export function readmeSections(readme: string): Section[] {
  const sections: Section[] = [];
  let fenced = false;
  for (const line of readme.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[1]!, body: '' });
    else if (sections.length) sections[sections.length - 1]!.body += `${line}\n`;
  }
  return sections;
}

interface Required {
  name: string;
  heading: RegExp;
  /** What the section must mention, beyond being non-empty. */
  mentions: (ctx: CertifyContext) => string[];
}

const pathWords = (id: string) => id.split('.').join(' ');

const REQUIRED: Required[] = [
  { name: 'Install', heading: /^install/i, mentions: (ctx) => [ctx.pkg.tool] },
  { name: 'Setup', heading: /^(setup|set up|configuration)/i, mentions: (ctx) => ctx.facts.secretKeys },
  { name: 'Commands', heading: /^commands/i, mentions: (ctx) => ctx.facts.commands.map((c) => pathWords(c.id)) },
  { name: 'Permissions', heading: /^permissions/i, mentions: (ctx) => ctx.facts.commands.map((c) => c.id) },
  { name: 'Exit codes', heading: /^exit codes/i, mentions: () => ['PERMISSION_DENIED', 'NOT_FOUND'] },
  { name: 'Known limitations', heading: /^(known )?limitations/i, mentions: () => [] },
];

export const EXAMPLE_AND_OUTPUT_CHECK = 'every command declares an example and an output schema';

/**
 * Docs gate: a README with install, setup, every command, permissions, exit codes and known
 * limitations; every command with an example and a declared output (what `--fields` selects
 * from, capabilities' output_schema and the MCP tool's outputSchema).
 */
export async function docsGate(ctx: CertifyContext): Promise<CheckResult[]> {
  const checks = new Checks();
  const readme = ctx.pkg.files.readme;
  if (readme === undefined) {
    checks.fail('README.md exists', 'no README.md in the package', 'Add README.md with Install, Setup, Commands, Output, Exit codes, Permissions and Known limitations (nx g connector writes one).');
    return checks.results;
  }
  const sections = readmeSections(readme);
  for (const required of REQUIRED) {
    const section = sections.find((s) => required.heading.test(s.heading));
    const check = `README has ${required.name}`;
    if (!section || !section.body.trim()) {
      checks.fail(check, section ? `"## ${section.heading}" is empty` : `no "## ${required.name}" section (found: ${sections.map((s) => s.heading).join(', ') || 'none'})`, `Add a "## ${required.name}" section to README.md.`);
      continue;
    }
    const missing = required.mentions(ctx).filter((text) => !section.body.includes(text));
    if (missing.length) checks.fail(check, `"## ${section.heading}" does not mention ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`, 'Regenerate the <!-- aos:... --> sections (aos-connector sync) or write them by hand.');
    else checks.pass(check, `"## ${section.heading}"${required.mentions(ctx).length ? ` mentions all ${required.mentions(ctx).length} required items` : ''}`);
  }

  const { definition } = await ctx.definition();
  if (definition) {
    // Check mode: compares, writes nothing.
    const readmeResult = syncManifests(definition, true).find((r) => r.file.endsWith('README.md'));
    if (readmeResult?.changed) checks.fail('README generated sections match the definition', 'the <!-- aos:... --> sections differ from what the definition generates', 'Run aos-connector sync (npx nx run <project>:sync-manifests) and commit README.md.');
    else checks.pass('README generated sections match the definition', 'setup, commands, permissions and exit-codes sections are up to date');
    checks.expectNone(
      EXAMPLE_AND_OUTPUT_CHECK,
      definition.commands.flatMap((command) => [
        ...(command.examples?.length ? [] : [`${command.id} has no example`]),
        ...(command.output ? [] : [`${command.id} declares no output schema`]),
      ]),
      `all ${definition.commands.length} commands have examples and an output schema (capabilities: output_schema)`,
      'Give each command `examples: [\'<tool> --json <group> <verb> ...\']` and `output: z.object({...})` (the fields of `data`; a list command: of one item) in its definition, then run aos-connector sync.',
    );
  }
  return checks.results;
}
