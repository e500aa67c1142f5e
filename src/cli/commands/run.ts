// casus run FILE: the timeline of one scenario.
import { InputError, usageIssue } from '../../input/issues.js';
import { textLines } from '../../report/text.js';
import { runScenario } from '../../run/runner.js';
import { loadScenario } from '../../scenario/load.js';
import { useColour } from '../io.js';
import { COMMON_HELP, type Command } from '../options.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'the timeline of a scenario: each step, what changed, the clause',
  formats: ['text', 'json'],
  help: `Usage: casus run FILE [--format text|json] [--set NAME=VALUE]... [--rules DIR]

Runs a scenario (YAML or JSON) and prints its timeline: for every event and deadline,
what changed and the clause it comes from. --format json prints the full trace.
Exits 1 if the scenario's expect blocks do not hold.

Example:
  casus run scenarios/renewed-offensive-invokes-the-guarantee.yaml --set attack-test=large-scale

${COMMON_HELP}`,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new InputError([usageIssue('casus run takes exactly one scenario file', 'casus run scenarios/renewed-offensive-invokes-the-guarantee.yaml')]);
    const ruleSet = args.ruleSet();
    const overrides = args.overrides();
    const trace = await runScenario(loadScenario(file, ruleSet), ruleSet, { set: overrides });
    if (args.format === 'json') io.stdout(`${JSON.stringify(trace, null, 2)}\n`);
    else for (const line of textLines(trace, { colour: useColour(io) })) io.stdout(`${line}\n`);
    return trace.expectations.every((x) => x.ok) ? 0 : 1;
  },
};
