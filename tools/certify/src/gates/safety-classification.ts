import { ACTION_CLASSES, MODE_FOR_ACTION, modeAllows, RISK_TIERS } from '@aos-connectors/core';
import type { Checks } from '../checks.js';
import type { CertifyContext } from '../context.js';
import { destructiveVerb } from '../destructive.js';

/** CONTRACT §4: every command carries a consistent action class, risk tier and mode. */
export function classificationChecks(ctx: CertifyContext, checks: Checks): void {
  const problems: string[] = [];
  for (const command of ctx.facts.commands) {
    if (!(ACTION_CLASSES as readonly string[]).includes(command.action_class)) problems.push(`${command.id}: action_class "${command.action_class}" is not one of ${ACTION_CLASSES.join(', ')}`);
    else if (!modeAllows(command.required_mode, MODE_FOR_ACTION[command.action_class])) {
      problems.push(`${command.id}: a ${command.action_class} command at mode ${command.required_mode} (needs at least ${MODE_FOR_ACTION[command.action_class]})`);
    }
    if (!(RISK_TIERS as readonly number[]).includes(command.risk_tier)) problems.push(`${command.id}: risk_tier ${command.risk_tier} is not 1-4`);
    if (command.action_class === 'destructive' && command.risk_tier !== 4) problems.push(`${command.id}: destructive at risk tier ${command.risk_tier}, expected 4`);
  }
  checks.expectNone(
    'every command is classified (action class, risk tier, mode)',
    problems,
    `${ctx.facts.commands.length} commands classified consistently`,
    'Declare action (read | write | bulk | destructive) and risk (1-4) on each command; the mode follows the action (CONTRACT §4).',
  );

  const destructive = ctx.facts.commands.flatMap((command) => {
    const verb = destructiveVerb(command.id);
    return verb ? [{ command, verb }] : [];
  });
  const low = destructive.filter(({ command }) => command.required_mode !== 'admin');
  checks.expectNone(
    'destructive commands require admin',
    low.map(({ command, verb }) => `${command.id} ("${verb}") runs at mode ${command.required_mode} (action ${command.action_class})`),
    destructive.length ? `${destructive.map(({ command }) => command.id).join(', ')} at admin` : 'no command names a destructive verb',
    `Declare commands that ${'delete, cancel, merge, revoke, refund, remove or execute'} with action: 'destructive', risk: 4 (mode admin).`,
  );
}
