// casus sweep FILE --param NAME=FROM..TO:STEP: the outcome at each value of a parameter, and where it flips.
import { InputError, usageIssue } from '../../issues/issue.js';
import { sweepLines, sweepMarkdown } from '../../render/whatif.js';
import { loadScenario } from '../../scenario/load.js';
import { assume } from '../../whatif/branches.js';
import { parseSweep, runSweep } from '../../whatif/sweep.js';
import type { Command } from '../options.js';
import { emit } from '../output.js';

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'the outcome at each value of a parameter, and where it flips',
  formats: ['text', 'json', 'md'],
  shared: ['rules', 'plan', 'set', 'assume', 'format', 'out'],
  options: {
    param: {
      type: 'string',
      multiple: true,
      usage: '--param SPEC',
      help: 'NAME=FROM..TO[:STEP] or NAME=V1,V2,...: the parameter and its values',
    },
  },
  // a backslash ending a line joins it to the next: the help prints the example on one line
  help: `Usage: casus sweep FILE --param NAME=FROM..TO[:STEP] [--format text|json|md] [--out FILE] [--set NAME=VALUE]...
       casus sweep FILE --param NAME=V1,V2,...

Runs the scenario once per value of the parameter and prints the final status of the
guarantee at each value, then the values between which it flips.

Example:
  casus sweep scenarios/a-strike-within-the-retaliation-window-does-not-lapse-the-guarantee.yaml \
--param retaliation-window-days=0..90:10`,
  async run(args, io) {
    const { file, out } = args.oneFile('scenario file', 'casus sweep FILE --param retaliation-window-days=0..90:10');
    const specs = (args.values.param as string[] | undefined) ?? [];
    if (specs.length > 1)
      throw new InputError([
        usageIssue(
          `casus sweep varies one parameter; --param was given ${specs.length} times (${specs.join(', ')})`,
          'sweep one at a time, or compare two readings with casus matrix',
        ),
      ]);
    const spec = specs[0];
    if (!spec)
      throw new InputError([
        usageIssue('casus sweep needs --param NAME=FROM..TO:STEP', 'e.g. --param retaliation-window-days=0..90:10'),
      ]);
    const ruleSet = args.ruleSet();
    const { name, values } = parseSweep(spec, ruleSet);
    const sweep = await runSweep(
      assume(loadScenario(file, ruleSet), args.assumptions()),
      ruleSet,
      name,
      values,
      args.overrides(),
    );
    const text =
      args.format === 'json'
        ? `${JSON.stringify(sweep, null, 2)}\n`
        : args.format === 'md'
          ? sweepMarkdown(sweep)
          : `${[...sweepLines(sweep)].join('\n')}\n`;
    emit(io, text, out, [file]);
    return 0;
  },
};
