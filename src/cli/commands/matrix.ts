// casus matrix FILE: the scenario under every combination of readings, outcomes grouped.
import { matrixLines, matrixMarkdown } from '../../render/whatif.js';
import { loadScenario } from '../../scenario/load.js';
import { assume } from '../../whatif/branches.js';
import { runMatrix } from '../../whatif/matrix.js';
import type { Command } from '../options.js';
import { emit } from '../output.js';

export const matrixCommand: Command = {
  name: 'matrix',
  summary: 'a scenario under every combination of readings, outcomes grouped',
  formats: ['text', 'json', 'md'],
  shared: ['rules', 'plan', 'set', 'assume', 'format', 'out'],
  options: {
    only: {
      type: 'string',
      usage: '--only NAME,NAME',
      help: "vary only these interpretations; the others keep the scenario's values or --set",
    },
  },
  help: `Usage: casus matrix FILE [--only NAME,NAME] [--format text|json|md] [--out FILE] [--plan VERSION] [--rules DIR]

Runs the scenario under every combination of the interpretations' readings (or only of
those named by --only; the others keep the scenario's values or --set), groups the
combinations by the final status of the guarantee, and says which readings each outcome
depends on: the smallest set of interpretations that decides it.

Example:
  casus matrix scenarios/a-russian-land-grab-is-a-breach-but-does-not-void-the-guarantee.yaml
    → void   48 of 96  when clause-22-scope = all-guarantees`,
  async run(args, io) {
    const { file, out } = args.oneFile(
      'scenario file',
      'casus matrix scenarios/a-russian-land-grab-is-a-breach-but-does-not-void-the-guarantee.yaml',
    );
    const ruleSet = args.ruleSet();
    const only = (args.values.only as string | undefined)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const matrix = await runMatrix(assume(loadScenario(file, ruleSet), args.assumptions()), ruleSet, {
      set: args.overrides(),
      ...(only ? { only } : {}),
    });
    const text =
      args.format === 'json'
        ? `${JSON.stringify(matrix, null, 2)}\n`
        : args.format === 'md'
          ? matrixMarkdown(matrix)
          : `${[...matrixLines(matrix)].join('\n')}\n`;
    emit(io, text, out, [file]);
    return 0;
  },
};
