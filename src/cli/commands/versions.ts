// casus versions FILE: the scenario under every version of the
// plan, in date order, and the change that altered each outcome.
import { InputError, usageIssue } from '../../issues/issue.js';
import { versionsLines, versionsMarkdown } from '../../render/versions.js';
import { loadScenario } from '../../scenario/load.js';
import { assume } from '../../whatif/branches.js';
import { runVersions } from '../../whatif/versions.js';
import type { Command } from '../options.js';
import { emit } from '../output.js';

export const versionsCommand: Command = {
  name: 'versions',
  summary: 'a scenario under every version of the plan, and the change that altered its outcome',
  formats: ['text', 'json', 'md'],
  plans: 0,
  shared: ['rules', 'set', 'assume', 'format', 'out', 'engine'],
  help: `Usage: casus versions FILE [--format text|json|md] [--out FILE] [--set NAME=VALUE]... [--rules DIR]

Runs the scenario under every version of the plan in rules/versions/ (the --plan values
of casus --help), in the order they were published, and prints a table: version, date,
the final status of each region, the breaches. Then, for each version whose outcome
differs from the version it builds on, the first of its own changes that altered the
outcome: what it changes, the rule, the clause, how sure the sources are, and their
addresses.

Example:
  casus versions scenarios/a-multinational-force-breaches-point-8-under-the-28-points-but-not-after-berlin.yaml
`,
  async run(args, io) {
    const { file, out } = args.oneFile(
      'scenario file',
      'casus versions scenarios/renewed-offensive-invokes-the-guarantee.yaml',
    );
    const ruleSets = args.allPlans();
    if (ruleSets.length === 0)
      throw new InputError([
        usageIssue(
          'the rule directory has no plan versions (versions/*.json)',
          'use the bundled rules, or add overlays to versions/',
        ),
      ]);
    const loaded = assume(loadScenario(file, ruleSets[0]!), args.assumptions());
    const report = await runVersions(loaded, ruleSets, { set: args.overrides(), engine: args.engine() });
    const text =
      args.format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : args.format === 'md'
          ? versionsMarkdown(report)
          : `${[...versionsLines(report)].join('\n')}\n`;
    emit(io, text, out, [file]);
    return 0;
  },
};
