// casus check: prove the rule set consistent; exit 1 on a failed check or an unacknowledged conflict.
import { runCheck } from '../../check/index.js';
import { checkLines } from '../../report/check.js';
import { type Command } from '../options.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'prove the rules consistent: static checks, state space, overlapping rules',
  formats: ['text', 'json'],
  shared: ['rules', 'plan', 'format'],
  help: `Usage: casus check [--format text|json] [--rules DIR]

Checks the rule set without a scenario:
  - static checks: citations, every clause encoded (or listed as not encoded), every
    emitted event handled by the statechart, known facts, every rule able to fire;
  - the statechart's reachable state space and its invariants (terminal statuses
    absorb, invoked only from in-force through the trigger, ...);
  - every pair of rules that can fire on the same event with incompatible outcomes
    (two terminal statuses, or a terminal status and an invocation), over every event
    type, every reading and every reachable status, with a minimal example.
Overlaps acknowledged in the rule set's ambiguities.json are reported as findings;
an unacknowledged one, or any failed check, exits 1.`,
  async run(args, io) {
    const report = runCheck(args.ruleSet());
    if (args.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else for (const line of checkLines(report)) io.stdout(`${line}\n`);
    return report.ok ? 0 : 1;
  },
};
