import { capabilitiesSchema, doctorSchema, healthSchema } from '@aos-connectors/core';
import type { Checks } from '../checks.js';
import { ok, type CertifyContext } from '../context.js';
import { expectOk } from '../expect.js';

const HARNESS_FIX = 'Build the CLI with the core harness (defineConnector + runBin from @aos-connectors/core/fast); it implements the built-ins.';

/** CONTRACT §5: --version, capabilities, health, config show and doctor, with data of the core's schemas. */
export async function builtinChecks(ctx: CertifyContext, checks: Checks): Promise<void> {
  const { runner, pkg, facts } = ctx;

  await checks.guard('--version prints the package version', HARNESS_FIX, async () => {
    const [plain, json] = await Promise.all([runner.run(['--version']), runner.run(['--json', '--version'])]);
    const problems: string[] = [];
    if (plain.exitCode !== 0 || plain.stdout.trim() !== pkg.version) problems.push(`--version printed "${plain.stdout.trim()}" (exit ${plain.exitCode}), expected "${pkg.version}"`);
    const { envelope, problem } = expectOk(runner, json);
    if (problem) problems.push(problem);
    else if ((envelope!.data as { version?: string })?.version !== pkg.version) problems.push(`--json --version data.version is not "${pkg.version}"`);
    checks.expectNone('--version prints the package version', problems, `${pkg.version}, plain and as an envelope`, 'Print package.json "version" (the core does this from the package root).');
  });

  await checks.guard('capabilities matches the core schema and the manifest', HARNESS_FIX, async () => {
    const result = await runner.run(['--json', 'capabilities']);
    const { envelope, problem } = expectOk(runner, result);
    const problems: string[] = problem ? [problem] : [];
    const parsed = envelope ? capabilitiesSchema.safeParse(envelope.data) : undefined;
    if (parsed && !parsed.success) problems.push(`data does not match the capabilities schema: ${parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (parsed?.success) {
      const data = parsed.data;
      if (data.tool !== pkg.tool) problems.push(`tool is "${data.tool}", expected "${pkg.tool}"`);
      if (data.version !== pkg.version) problems.push(`version is "${data.version}", expected "${pkg.version}"`);
      for (const command of data.commands) {
        if (command.path.join('.') !== command.id) problems.push(`${command.id}: path ${JSON.stringify(command.path)} is not id.split(".")`);
      }
      const manifestIds = JSON.parse(pkg.files.manifest ?? '{"commands":[]}').commands?.map((c: { id: string }) => c.id) ?? [];
      const ids = data.commands.map((c) => c.id);
      if (ids.join() !== manifestIds.join()) problems.push(`commands [${ids.join(', ')}] differ from connector.json [${manifestIds.join(', ')}]`);
    }
    checks.expectNone('capabilities matches the core schema and the manifest', problems, `${parsed?.data?.commands.length ?? 0} commands, each with path, modes and input_schema`, 'Serve capabilities from the definition (the core harness does) and keep connector.json in sync.');
  });

  await checks.guard('health reports a status without credentials, offline', HARNESS_FIX, async () => {
    await ctx.withServer(ok, async (server) => {
      const result = await ctx.call(['--json', 'health'], server.url, { secrets: false });
      const { envelope, problem } = expectOk(runner, result);
      const problems: string[] = problem ? [problem] : [];
      const health = envelope ? healthSchema.safeParse(envelope.data) : undefined;
      if (health && !health.success) problems.push(`data is not {status, ready, checks, next_steps}: ${health.error.issues[0]?.message}`);
      if (health?.success && facts.authRequired && health.data.status !== 'needs_setup') problems.push(`status is "${health.data.status}" without credentials, expected "needs_setup"`);
      if (facts.authRequired && server.requests.length > 0) problems.push(`sent ${server.requests.length} request(s) without credentials`);
      checks.expectNone('health reports a status without credentials, offline', problems, `status ${health?.data?.status ?? '?'}, no request sent`, 'Report needs_setup from the missing secrets alone, before any network call (CONTRACT §5).');
    });
  });

  await checks.guard('config show works offline and shows secrets only as present/absent', HARNESS_FIX, async () => {
    await ctx.withServer(ok, async (server) => {
      const result = await ctx.call(['--json', 'config', 'show'], server.url);
      const { envelope, problem } = expectOk(runner, result);
      const problems: string[] = problem ? [problem] : [];
      const data = envelope?.data as { secrets?: { name?: string; present?: unknown; value?: unknown }[]; settings?: unknown[] } | undefined;
      if (envelope && (!Array.isArray(data?.secrets) || !Array.isArray(data?.settings))) problems.push('data has no secrets[] and settings[]');
      for (const secret of data?.secrets ?? []) {
        if (typeof secret.present !== 'boolean' || 'value' in secret) problems.push(`secret ${secret.name} is not shown as {name, present, source} only`);
        else if (!secret.present) problems.push(`secret ${secret.name} set in the environment is reported absent`);
      }
      if (server.requests.length > 0) problems.push(`sent ${server.requests.length} request(s); config show must stay offline`);
      checks.expectNone('config show works offline and shows secrets only as present/absent', problems, `${data?.secrets?.length ?? 0} secrets (present/absent), ${data?.settings?.length ?? 0} settings, no request`, 'Show each secret as {name, present, source}, never its value; make no network call.');
    });
  });

  await checks.guard('doctor reports per-command readiness', HARNESS_FIX, async () => {
    const result = await ctx.call(['--json', 'doctor'], undefined);
    const { envelope, problem } = expectOk(runner, result);
    const problems: string[] = problem ? [problem] : [];
    const doctor = envelope ? doctorSchema.safeParse(envelope.data) : undefined;
    if (doctor && !doctor.success) problems.push(`data is not {ready, commands{id: {ready, missing}}, next_steps}: ${doctor.error.issues[0]?.message}`);
    for (const command of facts.commands) if (doctor?.success && !doctor.data.commands[command.id]) problems.push(`${command.id} is missing from data.commands`);
    checks.expectNone('doctor reports per-command readiness', problems, `${Object.keys(doctor?.data?.commands ?? {}).length} commands`, 'Report every command id in doctor (the core harness does).');
  });
}
