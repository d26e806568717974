import { certify } from './certify.js';
import { CertifyUsageError } from './package.js';
import { renderReport } from './render.js';
import { GATES, type GateName } from './report.js';

const USAGE = `usage: aos-certify [--json] [--only <gates>] [--skip <gates>] <package-dir>
  Certifies a built connector package as a black box. Gates: ${GATES.join(', ')}.
  Exit 0 when certified, 1 when a gate fails, 2 on a usage error.`;

function parseGates(value: string | undefined, flag: string): GateName[] {
  const gates = (value ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  const unknown = gates.filter((g) => !(GATES as readonly string[]).includes(g));
  if (!gates.length || unknown.length) throw new CertifyUsageError(`${flag} takes a comma-separated list of ${GATES.join(', ')}`);
  return gates as GateName[];
}

/** `aos-certify`: returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let json = false;
  let gates: GateName[] = [...GATES];
  const dirs: string[] = [];
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--json') json = true;
      else if (arg === '--help' || arg === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return 0;
      } else if (arg === '--only') gates = parseGates(argv[++i], '--only');
      else if (arg === '--skip') {
        const skipped = parseGates(argv[++i], '--skip');
        gates = gates.filter((g) => !skipped.includes(g));
      } else if (arg.startsWith('-')) throw new CertifyUsageError(`unknown option ${arg}`);
      else dirs.push(arg);
    }
    if (dirs.length !== 1) throw new CertifyUsageError('give exactly one package directory');
    const report = await certify(dirs[0]!, { gates });
    process.stdout.write(json ? `${JSON.stringify(report)}\n` : renderReport(report, process.stdout.isTTY ? process.stdout.columns : undefined));
    return report.level === 'certified' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CertifyUsageError)) throw error;
    process.stderr.write(`aos-certify: ${error.message}\n${USAGE}\n`);
    return 2;
  }
}
