// casus explain FILE [--at DATE]: why each status is what it is
// on a date, and why notable events did not change the guarantee.
import { explain, explanationJson } from '../../explain/explain.js';
import { REGION_LABELS, VALUE_REGIONS } from '../../plan/vocabulary.js';
import { explanationLines } from '../../render/explainText.js';
import { runScenario } from '../../run/runner.js';
import { loadScenario } from '../../scenario/load.js';
import { assume } from '../../whatif/branches.js';
import { useColour } from '../io.js';
import type { Command } from '../options.js';
import { emit } from '../output.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'why each status is what it is on a date, and why not',
  formats: ['text', 'json'],
  shared: ['rules', 'plan', 'set', 'assume', 'format', 'out', 'engine'],
  options: {
    at: { type: 'string', usage: '--at DATE', help: 'explain the status on DATE (YYYY-MM-DD), after all its events' },
  },
  help: `Usage: casus explain FILE [--at DATE] [--format text|json] [--out FILE]

For each region (${VALUE_REGIONS.map((r) => REGION_LABELS[r].short).join(', ')}) its status
on DATE (default: the end of the run), the step that set it, the rule that fired with the
values its conditions saw, and the clause (id, plan points, paraphrase); the breaches
recorded.
Then, why not: for every event that left the guarantee unchanged, the nearest rule that
did not fire and the condition that failed, with the value it saw and the reading under
which it was required (or the rule that fired to no effect, and why).

Examples:
  casus explain scenarios/an-attack-that-is-not-sustained-does-not-invoke-the-guarantee.yaml
  casus explain scenarios/renewed-offensive-invokes-the-guarantee.yaml --at 2029-03-01
  casus explain scenarios/an-extension-without-russia-has-no-effect.yaml --format json`,
  async run(args, io) {
    const { file, out } = args.oneFile(
      'scenario file',
      'casus explain scenarios/renewed-offensive-invokes-the-guarantee.yaml --at 2029-03-01',
    );
    const ruleSet = args.ruleSet();
    const overrides = args.overrides();
    const trace = await runScenario(assume(loadScenario(file, ruleSet), args.assumptions()), ruleSet, {
      set: overrides,
      engine: args.engine(),
    });
    const explanation = explain(trace, args.values.at as string | undefined);
    const colour = out === undefined && useColour(io);
    const text =
      args.format === 'json'
        ? explanationJson(explanation)
        : `${[...explanationLines(explanation, { colour })].join('\n')}\n`;
    emit(io, text, out, [file]);
    return 0;
  },
};
